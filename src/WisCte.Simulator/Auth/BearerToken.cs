namespace WisCte.Simulator.Auth;

/// <summary>
/// The one reading of an <c>Authorization: Bearer …</c> header: the token, or why there is none, in the ODS's words
/// (Ed-Fi-ODS <c>Application/EdFi.Ods.Api/Middleware/AuthenticationFailureMessages.cs</c>).
/// </summary>
internal readonly record struct BearerToken(string? Token, string? Error)
{
    public static BearerToken Parse(string? header)
    {
        if (header is null)
            return new(null, "Authorization header is missing.");
        var parts = header.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
            return new(null, "Unknown Authorization header scheme.");
        return parts.Length switch
        {
            1 => new(null, "Missing Authorization header bearer token value."),
            > 2 => new(null, "Invalid Authorization header."),
            _ => new(parts[1], null),
        };
    }
}
