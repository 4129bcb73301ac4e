using System.Collections.Concurrent;
using System.Security.Cryptography;
using WisCte.Dpi;
using WisCte.EdFi.Model;

namespace WisCte.Simulator.Auth;

/// <summary>OAuth2 client-credentials tokens: opaque, per client and school year, valid for a set lifetime.</summary>
internal sealed class TokenService(TimeProvider time, TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<string, ApiClient> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IssuedToken> _tokens = new(StringComparer.Ordinal);

    public TimeSpan Lifetime { get; } = lifetime;

    public IEnumerable<ApiClient> Clients => _clients.Values;

    public void AddClient(ApiClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _clients[client.ClientId] = client;
    }

    public ApiClient? Authenticate(string clientId, string clientSecret) =>
        _clients.TryGetValue(clientId, out var client)
        && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(client.ClientSecret), System.Text.Encoding.UTF8.GetBytes(clientSecret))
            ? client
            : null;

    public IssuedToken Issue(ApiClient client, SchoolYear year)
    {
        var token = new IssuedToken(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), client, year, time.GetUtcNow() + Lifetime);
        _tokens[token.AccessToken] = token;
        return token;
    }

    /// <summary>The token's client when the token is known, unexpired and issued for this school year.</summary>
    public IssuedToken? Validate(string accessToken, SchoolYear year) =>
        _tokens.TryGetValue(accessToken, out var token) && token.Year == year && time.GetUtcNow() < token.ExpiresAt ? token : null;

    /// <summary>Who a token belongs to, valid or not (for the journal).</summary>
    public IssuedToken? Peek(string accessToken) => _tokens.GetValueOrDefault(accessToken);

    /// <summary>Ends a token now, as if it had expired (for drills: a token expiring mid-run).</summary>
    public bool Expire(string accessToken) =>
        _tokens.TryGetValue(accessToken, out var token) && _tokens.TryUpdate(accessToken, token with { ExpiresAt = time.GetUtcNow() }, token);

    public int ExpireAll(string? clientId = null)
    {
        var count = 0;
        foreach (var token in _tokens.Values.Where(t => clientId is null || t.Client.ClientId == clientId))
            count += Expire(token.AccessToken) ? 1 : 0;
        return count;
    }
}

internal sealed record IssuedToken(string AccessToken, ApiClient Client, SchoolYear Year, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"token for {Client} in {Year}";
}
