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

    public static string? Body(string? body) =>
        body is null ? null : JsonSecret().Replace(FormSecret().Replace(body, $"${{name}}={Mask}"), $"${{name}}\"{Mask}\"");

    [GeneratedRegex(@"(?<name>client_secret|access_token|password)=[^&\s]*", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex FormSecret();

    [GeneratedRegex(@"(?<name>""(?:client_secret|access_token|password|clientSecret)""\s*:\s*)""(?:[^""\\]|\\.)*""", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, matchTimeoutMilliseconds: 1000)]
    private static partial Regex JsonSecret();
}
