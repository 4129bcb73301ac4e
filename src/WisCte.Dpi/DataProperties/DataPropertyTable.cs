using System.Text.Json;
using System.Text.Json.Serialization;
using WisCte.EdFi.Model;

namespace WisCte.Dpi.DataProperties;

/// <summary>DPI's data-properties table (fixtures/dpi/data-properties.json), loaded once; read-only.</summary>
public sealed class DataPropertyTable
{
    private static readonly Lazy<DataPropertyTable> Embedded = new(LoadEmbedded);

    private DataPropertyTable(IReadOnlyList<DataProperty> rows) => Rows = rows;

    public IReadOnlyList<DataProperty> Rows { get; }

    public static DataPropertyTable Dpi => Embedded.Value;

    /// <summary>The rows a public LEA must send for a resource in a school year (rows not sent that year excluded).</summary>
    public IReadOnlyList<DataProperty> RequiredForPublic(string resource, SchoolYear year) =>
        [.. Rows.Where(r => string.Equals(r.Resource, resource, StringComparison.OrdinalIgnoreCase)
                            && r.Public == Requirement.Required
                            && r.PathIn(year) is not null)];

    public static DataPropertyTable Load(Stream json)
    {
        var file = JsonSerializer.Deserialize<TableFile>(json, Options)
                   ?? throw new InvalidDataException("The data-properties table is empty.");
        var rows = file.Rows.Select((r, i) => new DataProperty(
            r.Number ?? "",
            r.Resource ?? throw Missing(i, "resource"),
            r.Property ?? throw Missing(i, "property"),
            r.Public ?? throw Missing(i, "public"),
            r.Choice ?? throw Missing(i, "choice"),
            [.. (r.Locations ?? throw Missing(i, "locations")).Select(l => new PropertyLocation(
                l.Path ?? throw Missing(i, "locations[].path"), l.FromSchoolYear, l.ToSchoolYear))],
            r.Page ?? throw Missing(i, "page"),
            r.Note)).ToList();
        return new DataPropertyTable(rows);
    }

    private static InvalidDataException Missing(int row, string field) =>
        new($"Row {row + 1} of the data-properties table has no '{field}'.");

    private static DataPropertyTable LoadEmbedded()
    {
        using var stream = typeof(DataPropertyTable).Assembly.GetManifestResourceStream("dpi/data-properties.json")
                           ?? throw new InvalidOperationException("The data-properties table is not embedded in WisCte.Dpi.");
        return Load(stream);
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    private sealed record TableFile(IReadOnlyList<RowFile> Rows);

    private sealed record RowFile(
        string? Number, string? Resource, string? Property, Requirement? Public, Requirement? Choice,
        IReadOnlyList<LocationFile>? Locations, string? Page, string? Note);

    private sealed record LocationFile(string? Path, int? FromSchoolYear, int? ToSchoolYear);
}
