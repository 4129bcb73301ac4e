using System.Globalization;
using System.Text.Json.Nodes;
using WisCte.Dpi.Programs;
using WisCte.EdFi.Model;

namespace WisCte.Dpi.Baseline;

/// <summary>
/// One record of the reference data a WISEdata year starts with, for one school year: the file it comes from, its
/// resource endpoint and its body with the year filled in. <paramref name="IsChoiceSchool"/>: the record is marked
/// <c>x-choice</c> (a Choice school, where DPI refuses CTE data).
/// </summary>
public sealed record BaselineRecord(string File, string Resource, JsonObject Body, bool IsChoiceSchool);

/// <summary>
/// The reference data every WISEdata school year starts with (fixtures/baseline, embedded here): the LEA and its
/// schools, the calendar, courses, course offerings and sections, and DPI's programs of the year
/// (<see cref="CteProgramCatalog"/>). Read, never stored: the simulator loads these records into its store, and
/// certification lays a SIS's journal over them; both from here, so neither depends on the other.
/// </summary>
public static class BaselineRecords
{
    private static readonly string[] Files = ["education-organizations", "calendar", "courses"];

    /// <summary>The records of fixtures/baseline as written (file name, record), read afresh on each call.</summary>
    public static IReadOnlyList<(string File, JsonObject Record)> Embedded()
    {
        var assembly = typeof(BaselineRecords).Assembly;
        var records = new List<(string File, JsonObject Record)>();
        foreach (var file in Files)
        {
            using var stream = assembly.GetManifestResourceStream($"baseline/{file}.json")
                               ?? throw new InvalidOperationException($"fixtures/baseline/{file}.json is not embedded in WisCte.Dpi.");
            var root = JsonNode.Parse(stream) as JsonObject ?? throw new InvalidDataException($"fixtures/baseline/{file}.json is not an object.");
            records.AddRange((root["records"] as JsonArray ?? throw new InvalidDataException($"fixtures/baseline/{file}.json has no 'records'."))
                .Select(r => (file, r as JsonObject ?? throw new InvalidDataException($"fixtures/baseline/{file}.json: a record is not an object."))));
        }
        return records;
    }

    /// <summary>
    /// The records of one school year in the order they load: education organizations first, then DPI's programs of
    /// the year (which reference the LEA), then the rest in file order; each body a fresh copy with the year filled in.
    /// A record without a resource or a body throws, naming its file.
    /// </summary>
    public static IEnumerable<BaselineRecord> ForYear(IReadOnlyList<(string File, JsonObject Record)> records, SchoolYear year)
    {
        ArgumentNullException.ThrowIfNull(records);
        var forYear = records.Where(r => AppliesTo(r.Record, year)).ToList();
        foreach (var (file, record) in forYear.Where(r => IsEducationOrganization(r.Record)))
            yield return Read(file, record, year);
        foreach (var program in CteProgramCatalog.Dpi.Programs.Where(p => p.IsValidIn(year)))
            yield return Read("dpi/programs", ProgramRecord(program), year);
        foreach (var (file, record) in forYear.Where(r => !IsEducationOrganization(r.Record)))
            yield return Read(file, record, year);
    }

    /// <summary>A program of DPI's catalogue as a <c>programs</c> record.</summary>
    public static JsonObject ProgramRecord(CteProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        return new JsonObject
        {
            ["resource"] = "programs",
            ["body"] = new JsonObject
            {
                ["educationOrganizationReference"] = new JsonObject { ["educationOrganizationId"] = program.EducationOrganizationId },
                ["programName"] = program.ProgramName,
                ["programTypeDescriptor"] = program.ProgramTypeDescriptor,
            },
        };
    }

    private static BaselineRecord Read(string file, JsonObject record, SchoolYear year)
    {
        var endpoint = record["resource"]?.GetValue<string>() ?? throw new InvalidDataException($"{file}: a record has no 'resource'.");
        var template = record["body"] as JsonObject ?? throw new InvalidDataException($"{file}: a {endpoint} record has no 'body'.");
        return new BaselineRecord(file, endpoint, (JsonObject)Substitute(template, year)!, record["x-choice"]?.GetValue<bool>() == true);
    }

    private static bool IsEducationOrganization(JsonObject record) =>
        record["resource"]?.GetValue<string>() is "stateEducationAgencies" or "localEducationAgencies" or "schools";

    private static bool AppliesTo(JsonObject record, SchoolYear year) =>
        record["schoolYears"] is not JsonArray years || years.Any(y => y!.GetValue<int>() == year.EndYear);

    /// <summary>"${schoolYear}" becomes the integer year; ${startYear} and ${endYear} are replaced inside strings.</summary>
    private static JsonNode? Substitute(JsonNode? node, SchoolYear year) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Substitute(p.Value, year)))),
        JsonArray array => new JsonArray([.. array.Select(i => Substitute(i, year))]),
        JsonValue v when v.TryGetValue<string>(out var text) => text == "${schoolYear}"
            ? JsonValue.Create(year.EndYear)
            : JsonValue.Create(text
                .Replace("${startYear}", (year.EndYear - 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("${endYear}", year.EndYear.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)),
        _ => node?.DeepClone(),
    };
}
