using System.Globalization;

namespace WisCte.EdFi.Model;

public enum RouteKind
{
    Discovery,
    Token,
    Data,
    Validations,
    Admin,
    Unknown,
}

/// <summary>
/// Where a request goes. Paths are matched without regard to case, as the ODS matches its routes. A leading
/// <c>/{schoolYear}</c> selects the year, as the ODS's school-year route template does.
/// </summary>
public sealed record Route(RouteKind Kind, SchoolYear? Year, string? Schema, string? Resource, string? Id, string? Rest)
{
    public static Route Parse(string path, SchoolYear defaultYear)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length > 0 && segments[0].Equals("__wiscte", StringComparison.OrdinalIgnoreCase))
            return new Route(RouteKind.Admin, null, null, null, null, string.Join('/', segments[1..]));

        SchoolYear? year = defaultYear;
        if (segments.Length > 0 && segments[0].Length == 4 && int.TryParse(segments[0], NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            year = y is >= 1990 and <= 2100 ? new SchoolYear(y) : null;
            segments = segments[1..];
        }

        if (segments.Length == 0)
            return new Route(RouteKind.Discovery, year, null, null, null, null);
        if (segments is [var oauth, var token] && Is(oauth, "oauth") && Is(token, "token"))
            return new Route(RouteKind.Token, year, null, null, null, null);
        if (segments.Length >= 4 && Is(segments[0], "data") && Is(segments[1], "v3"))
            return new Route(RouteKind.Data, year, segments[2], segments[3], segments.Length > 4 ? segments[4] : null, segments.Length > 5 ? string.Join('/', segments[5..]) : null);
        if (segments.Length >= 3 && Is(segments[0], "validations") && Is(segments[1], "v1"))
        {
            // WISEdata's validation add-on puts the year after the prefix: /validations/v1/{year}/ed-fi-xvalidations/…
            var rest = segments[2..];
            if (rest.Length > 0 && rest[0].Length == 4 && int.TryParse(rest[0], NumberStyles.None, CultureInfo.InvariantCulture, out var vy))
            {
                year = vy is >= 1990 and <= 2100 ? new SchoolYear(vy) : null;
                rest = rest[1..];
            }
            if (rest.Length >= 1 && Is(rest[0], "ed-fi-xvalidations"))
                return new Route(RouteKind.Validations, year, null, rest.Length > 1 ? rest[1] : null, null, null);
        }
        return new Route(RouteKind.Unknown, year, null, null, null, null);
    }

    private static bool Is(string segment, string expected) => segment.Equals(expected, StringComparison.OrdinalIgnoreCase);
}
