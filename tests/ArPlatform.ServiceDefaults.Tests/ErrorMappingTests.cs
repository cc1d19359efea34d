using ArPlatform.ServiceDefaults.Errors;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArPlatform.ServiceDefaults.Tests;

public class ErrorMappingTests
{
    private static async Task<RpcException> Thrown(Exception ex)
    {
        var interceptor = new ErrorMappingInterceptor(NullLogger<ErrorMappingInterceptor>.Instance);
        return await Assert.ThrowsAsync<RpcException>(() => interceptor.UnaryServerHandler<string, string>(
            "request", new TestCallContext(), (_, _) => throw ex));
    }

    [Fact]
    public async Task Validation_failures_are_invalid_argument_with_every_field_violation()
    {
        var rpc = await Thrown(new RequestValidationException(
            [new FieldViolation("invoice.lines[0].quantity", "must be greater than zero"), new FieldViolation("request_id", "is required")]));

        Assert.Equal(StatusCode.InvalidArgument, rpc.StatusCode);
        var violations = rpc.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations;
        Assert.Equal(["invoice.lines[0].quantity", "request_id"], violations.Select(v => v.Field));
    }

    [Fact]
    public async Task Not_found_names_the_resource()
    {
        var rpc = await Thrown(new NotFoundException("invoice", "01ABC"));
        Assert.Equal(StatusCode.NotFound, rpc.StatusCode);
        var info = rpc.GetRpcStatus()!.GetDetail<ResourceInfo>()!;
        Assert.Equal(("invoice", "01ABC"), (info.ResourceType, info.ResourceName));
    }

    [Fact]
    public async Task A_refused_state_change_is_failed_precondition_with_its_violation()
    {
        var rpc = await Thrown(new PreconditionFailedException("INVOICE_STATE", "invoices/1", "only a draft can be issued"));
        Assert.Equal(StatusCode.FailedPrecondition, rpc.StatusCode);
        Assert.Equal("INVOICE_STATE", rpc.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations[0].Type);
    }

    [Fact]
    public async Task Reused_keys_and_lost_races_are_already_exists_and_aborted()
    {
        Assert.Equal(StatusCode.AlreadyExists, (await Thrown(new AlreadyExistsException("IDEMPOTENCY_KEY_REUSED", "used"))).StatusCode);
        Assert.Equal(StatusCode.Aborted, (await Thrown(new ConcurrencyConflictException("retry"))).StatusCode);
    }

    [Fact]
    public async Task Unexpected_errors_reach_the_caller_as_internal_without_details()
    {
        var rpc = await Thrown(new InvalidOperationException("SQLite Error 19: UNIQUE constraint failed: Invoices.Number"));
        Assert.Equal(StatusCode.Internal, rpc.StatusCode);
        Assert.Equal("An internal error occurred.", rpc.Status.Detail);
        Assert.DoesNotContain("SQLite", rpc.ToString());
    }
}
