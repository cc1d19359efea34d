namespace ArPlatform.ServiceDefaults.Errors;

/// <summary>
/// A refusal the caller can act on. Services throw these; <see cref="ErrorMappingInterceptor"/>
/// turns each into one gRPC status with google.rpc details, so no RPC method catches anything.
/// </summary>
public abstract class DomainException(string message) : Exception(message);

/// <summary>The request is malformed: INVALID_ARGUMENT with one violation per bad field.</summary>
public sealed class RequestValidationException(IReadOnlyList<FieldViolation> violations)
    : DomainException(Describe(violations))
{
    public IReadOnlyList<FieldViolation> Violations { get; } = violations;

    private static string Describe(IReadOnlyList<FieldViolation> violations) =>
        "Invalid request: " + string.Join("; ", violations.Select(v => $"{v.Field}: {v.Description}"));
}

public sealed record FieldViolation(string Field, string Description);

/// <summary>NOT_FOUND: the named resource does not exist.</summary>
public sealed class NotFoundException(string resourceType, string id)
    : DomainException($"{resourceType} '{id}' was not found.")
{
    public string ResourceType { get; } = resourceType;
    public string Id { get; } = id;
}

/// <summary>FAILED_PRECONDITION: the request is valid but the resource's state forbids it.</summary>
public sealed class PreconditionFailedException(string type, string subject, string description)
    : DomainException(description)
{
    public string Type { get; } = type;
    public string Subject { get; } = subject;
}

/// <summary>ALREADY_EXISTS: e.g. an idempotency key reused for a different request.</summary>
public sealed class AlreadyExistsException(string reason, string message) : DomainException(message)
{
    public string Reason { get; } = reason;
}

/// <summary>ABORTED: a concurrent writer won; the caller may retry with the same request id.</summary>
public sealed class ConcurrencyConflictException(string message) : DomainException(message);

/// <summary>
/// PERMISSION_DENIED: the caller may call the RPC but not for this (a write-off above their
/// approval tier, a report beyond their portfolio); the reason says which rule.
/// </summary>
public sealed class PermissionDeniedException(string reason, string message) : DomainException(message)
{
    public string Reason { get; } = reason;
}

/// <summary>RESOURCE_EXHAUSTED: the request is larger than the service takes (a streamed file past its limit).</summary>
public sealed class TooLargeException(string message) : DomainException(message);
