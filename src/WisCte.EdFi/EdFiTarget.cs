using WisCte.EdFi.Model;

namespace WisCte.EdFi;

/// <summary>Where an Ed-Fi API is and how to sign in: base URL, client credentials, school year.</summary>
/// <param name="YearInRoute">Whether the school year is a route segment (/{year}/data/v3/…), as on WISEdata from 2025-26.</param>
public sealed record EdFiTarget(Uri BaseUrl, string ClientId, string ClientSecret, SchoolYear SchoolYear, bool YearInRoute = true)
{
    public string YearPrefix => YearInRoute ? "/" + SchoolYear.EndYear.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";

    public Uri TokenUrl => new(BaseUrl, YearPrefix + "/oauth/token");

    public Uri DataUrl(string relative) => new(BaseUrl, $"{YearPrefix}/data/v3/{relative.TrimStart('/')}");

    public EdFiTarget ForYear(SchoolYear year) => this with { SchoolYear = year };

    /// <summary>An absolute http(s) URL, with one trailing slash, so that "http://h:1" and "http://h:1/" are one endpoint; null when it is not one.</summary>
    public static Uri? ParseBaseUrl(string? text) =>
        !string.IsNullOrWhiteSpace(text)
        && Uri.TryCreate(text.Trim().TrimEnd('/') + "/", UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

    /// <summary>Never the secret.</summary>
    public override string ToString() => $"{BaseUrl} as {ClientId}, {SchoolYear}";
}
