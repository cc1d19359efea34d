using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ArPlatform.EndToEnd.Tests;

/// <summary>JSON calls through the gateway as an app makes them.</summary>
internal static class GatewayJson
{
    /// <summary>Posts the JSON body and returns the answer, failing the test (with the status and body) unless it is 200.</summary>
    public static async Task<JsonElement> PostOkAsync(this HttpClient http, string path, string json)
    {
        var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
