using System.Text.RegularExpressions;

namespace WisCte.Simulator.Journal;

/// <summary>Keeps secrets and tokens out of the journal: client secrets, bearer tokens, Basic credentials, access tokens.</summary>
public static partial class SecretMasking
{
    public const string Mask = "***";

    public static string? Header(string name, string? value) =>
        value is null ? null
        : name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
            ? (value.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? value[..space] + " " + Mask : Mask)
            : value;

    /// <summary>Masks <c>client_secret</c> and <c>access_token</c> in form and JSON bodies.</summary>
    public static string? Body(string? body) =>
        body is null ? null : JsonSecret().Replace(FormSecret().Replace(body, $"$1={Mask}"), $"$1\"{Mask}\"");

    [GeneratedRegex("""(?<name>client_secret|access_token|password)=[^&\s]*""", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FormSecret();

    [GeneratedRegex(@"(?<name>""(?:client_secret|access_token|password|clientSecret)""\s*:\s*)""(?:[^""\\]|\\.)*""", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex JsonSecret();
}
