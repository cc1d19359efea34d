using System.Runtime.Versioning;
using ArPlatform.ServiceDefaults.Security;

namespace ArPlatform.AppHost.Tests;

// File modes are the point here; AppHost runs its stack on Linux.
[UnsupportedOSPlatform("windows")]
public sealed class DevelopmentTokensTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("ar-apphost-tokens-").FullName;
    private readonly TokenSettings _settings = TokenSettings.ForDevelopmentKey(TokenSettings.NewSigningKey());

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public void A_token_for_each_persons_role_is_written_owner_only_and_none_for_the_service_role()
    {
        var path = DevelopmentTokens.Write(_data, new TokenIssuer(_settings));

        Assert.Equal(Path.Combine(_data, DevelopmentTokens.FileName), path);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var tokens = File.ReadLines(path).Where(l => !l.StartsWith('#'))
            .Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(Roles.All.Where(r => r != Roles.Service).Order(), tokens.Keys.Order());
        Assert.All(tokens.Values, token => Assert.StartsWith("eyJ", token));
    }

    [Fact]
    public void A_file_left_readable_by_others_is_replaced_by_an_owner_only_one()
    {
        var path = Path.Combine(_data, DevelopmentTokens.FileName);
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        DevelopmentTokens.Write(_data, new TokenIssuer(_settings));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.DoesNotContain("old", File.ReadAllText(path));
    }
}
