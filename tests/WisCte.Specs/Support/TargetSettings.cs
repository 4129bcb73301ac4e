using WisCte.EdFi.Model;
using System.Globalization;
using NUnit.Framework;
using WisCte.Dpi;

namespace WisCte.Specs.Support;

/// <summary>
/// Which endpoint the suite runs against: the embedded simulator (default), or a real WISEdata/Ed-Fi base URL given by
/// WISCTE_BASE_URL, WISCTE_CLIENT_ID, WISCTE_CLIENT_SECRET, WISCTE_SCHOOL_YEAR, or the same names without the prefix
/// as TestRunParameters in a runsettings file (BaseUrl, ClientId, ClientSecret, SchoolYear). The environment wins.
/// </summary>
public sealed record TargetSettings(Uri? BaseUrl, string? ClientId, string? ClientSecret, SchoolYear? SchoolYear, bool RunL2OnRealTarget)
{
    public bool IsSimulator => BaseUrl is null;

    public static TargetSettings Resolve()
    {
        static string? Read(string name) =>
            Environment.GetEnvironmentVariable("WISCTE_" + ToUpperSnake(name)) is { Length: > 0 } fromEnvironment ? fromEnvironment
            : TestContext.Parameters.Get(name) is { Length: > 0 } fromRunSettings ? fromRunSettings : null;

        var baseUrl = Read("BaseUrl");
        if (baseUrl is null)
            return new TargetSettings(null, null, null, null, false);

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"Target setting BaseUrl '{baseUrl}' is not an absolute http(s) URL.");
        var clientId = Read("ClientId") ?? throw new InvalidOperationException($"Target {uri} is set but ClientId (WISCTE_CLIENT_ID) is not.");
        var secret = Read("ClientSecret") ?? throw new InvalidOperationException($"Target {uri} is set but ClientSecret (WISCTE_CLIENT_SECRET) is not.");
        var yearText = Read("SchoolYear") ?? throw new InvalidOperationException($"Target {uri} is set but SchoolYear (WISCTE_SCHOOL_YEAR, e.g. 2026) is not.");
        SchoolYear year;
        try
        {
            year = EdFi.Model.SchoolYear.Parse(yearText);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException)
        {
            throw new InvalidOperationException($"Target setting SchoolYear: {ex.Message}", ex);
        }
        var l2 = Read("RunL2") is { } text && bool.TryParse(text, out var flag) && flag;
        return new TargetSettings(new Uri(uri.ToString().TrimEnd('/') + "/"), clientId, secret, year, l2);
    }

    private static string ToUpperSnake(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString(CultureInfo.InvariantCulture))).ToUpperInvariant();

    /// <summary>Never the secret.</summary>
    public override string ToString() => IsSimulator ? "the embedded simulator" : $"{BaseUrl} as {ClientId}, school year {SchoolYear}";
}
