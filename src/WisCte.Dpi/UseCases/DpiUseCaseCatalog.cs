using System.Text.Json;
using WisCte.EdFi.Model;

namespace WisCte.Dpi.UseCases;

/// <summary>
/// One of DPI's CTE use cases: its number and title as DPI's page writes them, the page's group, the school years this
/// suite exercises it in, and the last school year it applies to where DPI says "2023-24 SY and Prior".
/// </summary>
public sealed record DpiUseCase(string Id, string Group, string Title, IReadOnlyList<SchoolYear> SchoolYears, SchoolYear? LastSchoolYear)
{
    /// <summary>The tag its scenarios carry (<c>@uc-1.0</c> without the @).</summary>
    public string Tag => "uc-" + Id;
}

/// <summary>
/// DPI's use cases (fixtures/dpi/use-cases.json): the one list the features, certification, the scripted SIS and the
/// living documentation are held to, in the page's order.
/// </summary>
public sealed class DpiUseCaseCatalog
{
    private static readonly Lazy<DpiUseCaseCatalog> Embedded = new(() =>
    {
        using var stream = typeof(DpiUseCaseCatalog).Assembly.GetManifestResourceStream("dpi/use-cases.json")
                           ?? throw new InvalidOperationException("fixtures/dpi/use-cases.json is not embedded in WisCte.Dpi.");
        return Load(stream);
    });

    private DpiUseCaseCatalog(IReadOnlyList<SchoolYear> schoolYears, IReadOnlyList<DpiUseCase> useCases) => (SchoolYears, UseCases) = (schoolYears, useCases);

    public static DpiUseCaseCatalog Dpi => Embedded.Value;

    /// <summary>The school years the suite knows (WISEdata's years DPI's page speaks of).</summary>
    public IReadOnlyList<SchoolYear> SchoolYears { get; }

    public IReadOnlyList<DpiUseCase> UseCases { get; }

    public IEnumerable<string> Ids => UseCases.Select(u => u.Id);

    /// <summary>A use case by id (<c>1.0</c> or <c>uc-1.0</c>), or null.</summary>
    public DpiUseCase? Find(string id) => UseCases.FirstOrDefault(u =>
        string.Equals(u.Id, id, StringComparison.OrdinalIgnoreCase) || string.Equals(u.Tag, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>A use case by id; an id DPI's page does not have throws, naming it.</summary>
    public DpiUseCase Get(string id) => Find(id) ?? throw new KeyNotFoundException($"'{id}' is not one of DPI's use cases ({string.Join(", ", Ids)}).");

    /// <summary>Reads a catalogue; anything malformed throws <see cref="InvalidDataException"/>, naming the use case.</summary>
    public static DpiUseCaseCatalog Load(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var known = Years(root, "schoolYears", "the catalogue");
        var useCases = new List<DpiUseCase>();
        foreach (var item in root.GetProperty("useCases").EnumerateArray())
        {
            var id = Text(item, "id", $"useCases[{useCases.Count}]");
            var years = Years(item, "schoolYears", id);
            var last = item.TryGetProperty("lastSchoolYear", out var l) ? Year(l, id) : (SchoolYear?)null;
            if (years.Count == 0 || years.Concat(last is { } lastYear ? [lastYear] : []).Any(y => !known.Contains(y)))
                throw new InvalidDataException($"Use case {id}: its school years must be some of the catalogue's ({string.Join(", ", known)}).");
            if (useCases.Any(u => u.Id == id))
                throw new InvalidDataException($"Use case {id} is listed twice.");
            useCases.Add(new DpiUseCase(id, Text(item, "group", id), Text(item, "title", id), years, last));
        }
        return new DpiUseCaseCatalog(known, useCases);
    }

    private static string Text(JsonElement item, string name, string where) =>
        item.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text
            ? text
            : throw new InvalidDataException($"{where} has no '{name}'.");

    private static List<SchoolYear> Years(JsonElement item, string name, string where) =>
        item.TryGetProperty(name, out var years)
            ? [.. years.EnumerateArray().Select(y => Year(y, where))]
            : throw new InvalidDataException($"{where} has no '{name}'.");

    private static SchoolYear Year(JsonElement value, string where)
    {
        try
        {
            return SchoolYear.Parse(value.GetString() ?? "");
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException($"{where}: {ex.Message}", ex);
        }
    }
}
