using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ArPlatform.ServiceDefaults.Grpc;

/// <summary>
/// JSON bodies and responses carry enum values without their type prefix ("ISSUED"), but JSON
/// transcoding binds query-string values by the full proto name only ("INVOICE_STATUS_ISSUED").
/// This puts the prefix back on query values of enum fields so callers use one style everywhere,
/// in any letter case (`groupBy=customer`, as API.md writes it); full names keep working.
/// </summary>
internal sealed class EnumQueryValues(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.QueryString.HasValue
            && context.GetEndpoint()?.Metadata.GetMetadata<GrpcJsonTranscodingMetadata>() is { } transcoding)
        {
            Rewrite(context.Request, transcoding.MethodDescriptor.InputType);
        }
        return next(context);
    }

    private static void Rewrite(HttpRequest request, MessageDescriptor input)
    {
        Dictionary<string, StringValues>? rewritten = null;
        foreach (var (key, values) in request.Query)
        {
            var field = input.FindFieldByName(key) ?? input.Fields.InDeclarationOrder().FirstOrDefault(f => f.JsonName == key);
            if (field?.FieldType != FieldType.Enum) continue;
            var prefix = Prefix(field.EnumType);
            if (values.All(v => v is null || field.EnumType.FindValueByName(v) is not null)) continue;
            rewritten ??= request.Query.ToDictionary(q => q.Key, q => q.Value);
            rewritten[key] = new StringValues(values
                .Select(v => v is not null && field.EnumType.FindValueByName(v) is null ? prefix + v.ToUpperInvariant() : v)
                .ToArray());
        }
        if (rewritten is not null) request.Query = new QueryCollection(rewritten);
    }

    /// <summary>"InvoiceStatus" → "INVOICE_STATUS_", the style guide's value prefix.</summary>
    internal static string Prefix(EnumDescriptor type)
    {
        var name = type.Name;
        var builder = new System.Text.StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i])) builder.Append('_');
            builder.Append(char.ToUpperInvariant(name[i]));
        }
        return builder.Append('_').ToString();
    }
}
