using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Grpc;
using ArPlatform.ServiceDefaults.Paging;
using ArPlatform.ServiceDefaults.Security;
using Microsoft.Extensions.Configuration;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ArPlatform.ServiceDefaults.Tests;

public class ClientConventionsTests
{
    private static readonly Method<string, string> Method = new(
        MethodType.Unary, "ar.test.v1.TestService", "Do",
        Marshallers.Create(s => System.Text.Encoding.UTF8.GetBytes(s), b => System.Text.Encoding.UTF8.GetString(b)),
        Marshallers.Create(s => System.Text.Encoding.UTF8.GetBytes(s), b => System.Text.Encoding.UTF8.GetString(b)));

    private static CallOptions Sent(Interceptor interceptor, CallOptions options)
    {
        CallOptions seen = default;
        interceptor.AsyncUnaryCall("x", new ClientInterceptorContext<string, string>(Method, null, options), (_, context) =>
        {
            seen = context.Options;
            return new AsyncUnaryCall<string>(Task.FromResult(""), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        });
        return seen;
    }

    private static DateTime? DeadlineSent(CallOptions options) =>
        Sent(new DefaultDeadlineInterceptor(TimeSpan.FromSeconds(10)), options).Deadline;

    private static ServiceIdentityInterceptor IdentityOf(string service)
    {
        var settings = TokenSettings.ForDevelopmentKey(TokenSettings.NewSigningKey());
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["OTEL_SERVICE_NAME"] = service }).Build();
        return new ServiceIdentityInterceptor(new ServiceIdentity(new TokenIssuer(settings), configuration));
    }

    [Fact]
    public void A_service_calls_another_with_its_own_token_unless_one_is_set()
    {
        var own = Sent(IdentityOf("cashapp"), new CallOptions()).Headers!.GetValue("authorization")!;
        Assert.StartsWith("Bearer ", own);
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(own["Bearer ".Length..]);
        Assert.Equal(("cashapp", Roles.Service), (token.Subject, token.GetClaim("role").Value));

        var user = new Metadata { { "authorization", "Bearer user-token" } };
        Assert.Equal("Bearer user-token", Sent(IdentityOf("cashapp"), new CallOptions(user)).Headers!.GetValue("authorization"));
    }

    [Fact]
    public void A_call_without_a_deadline_gets_the_default_one()
    {
        var deadline = DeadlineSent(new CallOptions());
        Assert.NotNull(deadline);
        Assert.InRange(deadline.Value - DateTime.UtcNow, TimeSpan.FromSeconds(9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_call_with_its_own_deadline_keeps_it()
    {
        var mine = DateTime.UtcNow.AddMilliseconds(300);
        Assert.Equal(mine, DeadlineSent(new CallOptions(deadline: mine)));
    }

    [Fact]
    public void Only_unavailable_is_retried_since_nothing_ran_then()
    {
        var policy = GrpcClientRegistration.RetryOnUnavailable.MethodConfigs.Single().RetryPolicy!;
        Assert.Equal([StatusCode.Unavailable], policy.RetryableStatusCodes);
        Assert.True(policy.MaxAttempts > 1);
    }

    [Fact]
    public void Pages_slice_one_extra_row_into_a_next_token_that_reads_back()
    {
        var v = new Validator();
        var page = PageRequest.Parse(2, "", v);
        var (items, next) = page.Slice(["a", "b", "c"], s => s);

        Assert.Equal(["a", "b"], items);
        Assert.Equal("b", PageRequest.Parse(2, next, v).After);
        Assert.Equal("", page.Slice(["a", "b"], s => s).NextToken);
        Assert.True(v.IsValid);
    }

    [Theory]
    [InlineData(-1, "", "page_size")]
    [InlineData(501, "", "page_size")]
    [InlineData(10, "not base64 !", "page_token")]
    public void Bad_paging_is_a_field_violation(int size, string token, string field)
    {
        var v = new Validator();
        PageRequest.Parse(size, token, v);
        var ex = Assert.Throws<RequestValidationException>(v.ThrowIfInvalid);
        Assert.Equal(field, Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void Default_page_size_is_fifty() => Assert.Equal(50, PageRequest.Parse(0, "", new Validator()).Size);
}
