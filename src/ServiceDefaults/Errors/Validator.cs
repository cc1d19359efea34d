namespace ArPlatform.ServiceDefaults.Errors;

/// <summary>
/// Collects every field violation of a request before failing, so a caller fixes all of them
/// in one round trip.
/// </summary>
public sealed class Validator
{
    private readonly List<FieldViolation> _violations = [];

    public bool IsValid => _violations.Count == 0;

    public Validator Add(string field, string description)
    {
        _violations.Add(new FieldViolation(field, description));
        return this;
    }

    public Validator Require(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, "is required");
        return this;
    }

    public const int MaxRequestIdLength = 100;

    /// <summary>The idempotency key every mutating request carries.</summary>
    public Validator RequestId(string? requestId)
    {
        Require("request_id", requestId);
        if (requestId?.Length > MaxRequestIdLength) Add("request_id", $"must be at most {MaxRequestIdLength} characters");
        return this;
    }

    /// <summary>
    /// The resource a request carries (<c>customer</c>, <c>invoice</c> …): nothing else about
    /// it can be checked without it, so its absence fails at once with what was found so far.
    /// </summary>
    public T Resource<T>(string field, T? value) where T : class
    {
        if (value is not null) return value;
        Add(field, "is required");
        ThrowIfInvalid();
        return value!;
    }

    /// <summary>
    /// The id a read names, present and no longer than the service's ids: returned as is, so a
    /// wire method hands it straight on; INVALID_ARGUMENT otherwise.
    /// </summary>
    public static string RequiredId(string field, string id, int maxLength)
    {
        new Validator().Require(field, id).MaxLength(field, id, maxLength).ThrowIfInvalid();
        return id;
    }

    /// <summary>Throws <see cref="RequestValidationException"/> if anything was added.</summary>
    public void ThrowIfInvalid()
    {
        if (!IsValid) throw new RequestValidationException(_violations);
    }
}
