using System.Text.Json;
using WisCte.EdFi.Model;

namespace WisCte.Dpi.Programs;

/// <summary>DPI's program types and names by school year (fixtures/dpi/programs.json, from the page's table).</summary>
public sealed class CteProgramCatalog
{
    private static readonly Lazy<CteProgramCatalog> Embedded = new(() =>
    {
        using var stream = typeof(CteProgramCatalog).Assembly.GetManifestResourceStream("dpi/programs.json")
                           ?? throw new InvalidOperationException("fixtures/dpi/programs.json is not embedded in WisCte.Dpi.");
        return Load(stream);
    });

    private CteProgramCatalog(IReadOnlyList<CteProgram> programs) => Programs = programs;

    public static CteProgramCatalog Dpi => Embedded.Value;

    public IReadOnlyList<CteProgram> Programs { get; }

    /// <summary>The program types the page's table lists (names are checked only for these).</summary>
    public IEnumerable<string> ProgramTypes => Programs.Select(p => p.ProgramType).Distinct(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<CteProgram> For(string programType, SchoolYear year) =>
        [.. Programs.Where(p => string.Equals(p.ProgramType, programType, StringComparison.OrdinalIgnoreCase) && p.IsValidIn(year))];

    public CteProgram? Find(string programType, string programName, SchoolYear year) =>
        For(programType, year).FirstOrDefault(p => string.Equals(p.ProgramName, programName, StringComparison.OrdinalIgnoreCase));

    public static CteProgramCatalog Load(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var programs = document.RootElement.GetProperty("programs").EnumerateArray().Select((p, i) => new CteProgram(
            p.GetProperty("educationOrganizationId").GetInt64(),
            p.GetProperty("programTypeDescriptor").GetString() ?? throw new InvalidDataException($"programs[{i}] has no programTypeDescriptor."),
            p.GetProperty("programName").GetString() ?? throw new InvalidDataException($"programs[{i}] has no programName."),
            OptionalYear(p, "fromSchoolYear"),
            OptionalYear(p, "toSchoolYear"),
            p.TryGetProperty("source", out var source) ? source.GetString() ?? "" : "",
            p.TryGetProperty("note", out var note) ? note.GetString() : null)).ToList();
        return new CteProgramCatalog(programs);
    }

    private static int? OptionalYear(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : null;
}
