using System.Text.Json.Nodes;

namespace WisCte.Certification.Rules;

/// <summary>One token is reused until it expires; a new one is fetched only after it expires or after a 401.</summary>
public sealed class TokenReuseRule : ICertificationRule
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);

    public string Id => "CERT-TOKEN-REUSE";

    public string Why => "A token per request doubles the traffic and loads WISEdata's authorisation server; Ed-Fi tokens last an hour.";

    public IEnumerable<Finding> Judge(JudgementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var client in context.Exchanges.Where(e => e.Entry.ClientId is not null).GroupBy(e => (e.Entry.ClientId, e.Route.Year)))
        {
            DateTimeOffset? expires = null;
            var unauthorizedSince = false;
            var needless = new List<long>();
            foreach (var exchange in client)
            {
                if (exchange.IsToken && exchange.Status == 200)
                {
                    if (expires is { } validUntil && exchange.Entry.Timestamp < validUntil - Margin && !unauthorizedSince)
                        needless.Add(exchange.Sequence);
                    var seconds = exchange.Response?["expires_in"] is JsonValue v && v.TryGetValue<long>(out var s) ? s : 3600;
                    expires = exchange.Entry.Timestamp.AddSeconds(seconds);
                    unauthorizedSince = false;
                }
                else if (exchange.Status == 401)
                {
                    unauthorizedSince = true;
                }
            }
            if (needless.Count > 0)
            {
                foreach (var f in context.For(null, Id, $"Client {client.Key.ClientId} fetched {needless.Count} new token(s) while its token was still valid and no 401 had come: reuse the token until it expires.", [.. needless]))
                    yield return f;
            }
        }
    }
}

/// <summary>After a 401, the SIS fetches a new token before sending more data requests.</summary>
public sealed class RenewAfterUnauthorizedRule : ICertificationRule
{
    public string Id => "CERT-RENEW-AFTER-401";

    public string Why => "A token can expire or be revoked at any time (WISEdata keys are per LEA subscription): the SIS must get a new one, not keep failing.";

    public IEnumerable<Finding> Judge(JudgementContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var client in context.Exchanges.Where(e => e.Entry.ClientId is not null).GroupBy(e => e.Entry.ClientId, StringComparer.Ordinal))
        {
            Exchange? unauthorized = null;
            foreach (var exchange in client)
            {
                if (exchange.IsToken)
                {
                    unauthorized = null;
                    continue;
                }
                if (exchange.Status != 401)
                {
                    unauthorized = null;
                    continue;
                }
                if (unauthorized is not null)
                {
                    foreach (var f in context.For(exchange.Resource, Id, $"Client {client.Key} kept sending requests with a refused token (401 at journal {unauthorized.Sequence} and {exchange.Sequence}) without fetching a new one.", unauthorized.Sequence, exchange.Sequence))
                        yield return f;
                    unauthorized = null; // one finding per run of 401s
                    continue;
                }
                unauthorized = exchange;
            }
        }
    }
}
