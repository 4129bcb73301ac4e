using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;
using WisCte.Dpi;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Pipeline;
using WisCte.EdFi.Model;

namespace WisCte.Simulator.Http;

/// <summary>
/// POST /oauth/token (and /{schoolYear}/oauth/token): OAuth2 client credentials from the body (form or JSON) or a
/// Basic header, answered as the ODS/API does, errors included.
/// </summary>
internal sealed class TokenEndpoint(SimulatorState state)
{
    public SimResponse Handle(RequestContext context)
    {
        var (response, clientId) = Issue(context.Request, context.Year, context.CorrelationId);
        context.ClientId = clientId;
        return response;
    }

    private (SimResponse Response, string? ClientId) Issue(SimRequest request, SchoolYear year, string correlationId)
    {
        if (!request.Method.Equals("POST", StringComparison.OrdinalIgnoreCase))
            return (EdFiProblem.MethodNotAllowed($"The endpoint of the request does not support the '{request.Method}' method.").ToResponse(correlationId), null);

        var contentType = request.Header("Content-Type");
        if (string.IsNullOrWhiteSpace(contentType))
            return (EdFiProblem.UnsupportedMediaType("The 'Content-Type' header is missing.").ToResponse(correlationId), null);

        Dictionary<string, string> fields;
        try
        {
            fields = ReadFields(request.Body ?? "", contentType);
        }
        catch (JsonException)
        {
            return (Error(400, "invalid_request", "The request body is not valid JSON."), null);
        }

        fields.TryGetValue("client_id", out var clientId);
        fields.TryGetValue("client_secret", out var secret);
        var authorization = request.Header("Authorization");
        if (authorization is not null)
        {
            var parts = authorization.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
                return (Error(400, "invalid_request"), clientId);
            if (!parts[0].Equals("Basic", StringComparison.OrdinalIgnoreCase))
                return (Error(401, "invalid_client"), clientId);
            if (clientId is not null || secret is not null)
                return (Error(400, "invalid_client"), clientId);
            if (!TryDecodeBasic(parts[1], out clientId, out secret))
                return (Error(400, "invalid_request"), null);
        }

        if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(secret))
            return (Error(401, "invalid_request"), clientId);
        if (!fields.TryGetValue("grant_type", out var grantType) || !grantType.Equals("client_credentials", StringComparison.OrdinalIgnoreCase))
            return (Error(400, "unsupported_grant_type"), clientId);
        if (state.Tokens.Authenticate(clientId, secret) is not { } client)
            return (Error(401, "invalid_client"), clientId);
        if (fields.TryGetValue("scope", out var scope) && !string.IsNullOrEmpty(scope) && scope != client.LocalEducationAgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            return (Error(400, "invalid_scope", "The client is not explicitly associated with the EducationOrganizationId specified in the requested 'scope'."), clientId);

        var token = state.Tokens.Issue(client, year);
        var body = new JsonObject
        {
            ["access_token"] = token.AccessToken,
            ["expires_in"] = (long)state.Tokens.Lifetime.TotalSeconds,
            ["token_type"] = "bearer",
            ["scope"] = client.LocalEducationAgencyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return (SimResponse.Json(200, body), client.ClientId);
    }

    /// <summary>The client id a token request names (in a Basic header or in its body), for the journal; null when it names none.</summary>
    public static string? ClientNamedBy(SimRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Header("Authorization")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var scheme, var value] && scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
            return TryDecodeBasic(value, out var basicId, out _) ? basicId : null;
        try
        {
            return ReadFields(request.Body ?? "", request.Header("Content-Type") ?? "").GetValueOrDefault("client_id");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Dictionary<string, string> ReadFields(string body, string contentType)
    {
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            if (body.Length > 0 && JsonNode.Parse(body) is JsonObject json)
            {
                foreach (var (key, value) in json)
                    fields[key] = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : value?.ToJsonString() ?? "";
            }
            return fields;
        }
        var form = HttpUtility.ParseQueryString(body);
        foreach (var key in form.AllKeys.OfType<string>())
            fields[key] = form[key] ?? "";
        return fields;
    }

    private static bool TryDecodeBasic(string encoded, out string? clientId, out string? secret)
    {
        clientId = secret = null;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
                return false;
            clientId = text[..colon];
            secret = text[(colon + 1)..];
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static SimResponse Error(int status, string error, string? description = null)
    {
        var body = new JsonObject { ["error"] = error };
        if (description is not null)
            body["error_description"] = description;
        return SimResponse.Json(status, body);
    }
}
