using System.Text.RegularExpressions;

namespace WisCte.Journal;

/// <summary>Keeps client secrets and bearer tokens out of anything recorded.</summary>
public static partial class Masking
{
    public const string Mask = "***";

    public static string Header(string name, string value) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
            ? (value.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? value[..space] + " " + Mask : Mask)
            : value;

    /// <summary>
    /// A token's fingerprint for the journal: the first 12 hex digits of its SHA-256. One-way, and too short to be
    /// worth matching against guesses of a 128-bit random token; enough to tell a run's tokens apart.
    /// </summary>
    public static string Fingerprint(string token) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)))[..12];

    public static string? Body(string? body) =>
        body is null ? null : JsonSecret().Replace(FormSecret().Replace(body, $"${{name}}={Mask}"), $"${{name}}\"{Mask}\"");

    [GeneratedRegex(@"(?<name>client_secret|access_token|password)=[^&\s]*", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FormSecret();

    [GeneratedRegex(@"(?<name>""(?:client_secret|access_token|password|clientSecret)""\s*:\s*)""(?:[^""\\]|\\.)*""", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex JsonSecret();
}
