using System.Globalization;
using System.Text.Json.Nodes;
using WisCte.Dpi;
using WisCte.Dpi.Programs;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Store;
using WisCte.EdFi.Model;

namespace WisCte.Simulator.Baseline;

/// <summary>
/// Loads DPI's reference data into every school year at start: the LEA and its schools, the calendar, courses,
/// course offerings and sections (fixtures/baseline), and DPI's programs of that year (fixtures/dpi/programs.json).
/// Records go through the same binding and reference checks as a POST, so a bad fixture fails loudly at start.
/// </summary>
public static class BaselineLoader
{
    public static void Load(SimulatorState state) => Load(state, Embedded());

    /// <summary>Loads baseline records (file name, record) into every school year they apply to; a bad one throws naming its file.</summary>
    public static void Load(SimulatorState state, IReadOnlyList<(string File, JsonObject Record)> records)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(records);
        foreach (var (year, store) in state.Years)
        {
            // Education organizations first, then programs (which reference the LEA), then the rest in file order.
            var forYear = records.Where(r => AppliesTo(r.Record, year)).ToList();
            foreach (var (file, record) in forYear.Where(r => IsEducationOrganization(r.Record)))
                Add(state, store, file, record, year);
            foreach (var program in CteProgramCatalog.Dpi.Programs.Where(p => p.IsValidIn(year)))
                Add(state, store, "dpi/programs", ProgramRecord(program), year);
            foreach (var (file, record) in forYear.Where(r => !IsEducationOrganization(r.Record)))
                Add(state, store, file, record, year);
        }
    }

    /// <summary>The records of fixtures/baseline, embedded in this assembly.</summary>
    public static IReadOnlyList<(string File, JsonObject Record)> Embedded()
    {
        var assembly = typeof(BaselineLoader).Assembly;
        var records = new List<(string File, JsonObject Record)>();
        foreach (var file in new[] { "education-organizations", "calendar", "courses" })
        {
            using var stream = assembly.GetManifestResourceStream($"baseline/{file}.json")
                               ?? throw new InvalidOperationException($"fixtures/baseline/{file}.json is not embedded in WisCte.Simulator.");
            var root = JsonNode.Parse(stream) as JsonObject ?? throw new InvalidDataException($"fixtures/baseline/{file}.json is not an object.");
            records.AddRange((root["records"] as JsonArray ?? throw new InvalidDataException($"fixtures/baseline/{file}.json has no 'records'."))
                .Select(r => (file, r as JsonObject ?? throw new InvalidDataException($"fixtures/baseline/{file}.json: a record is not an object."))));
        }
        return records;
    }

    private static bool IsEducationOrganization(JsonObject record) =>
        record["resource"]?.GetValue<string>() is "stateEducationAgencies" or "localEducationAgencies" or "schools";

    private static bool AppliesTo(JsonObject record, SchoolYear year) =>
        record["schoolYears"] is not JsonArray years || years.Any(y => y!.GetValue<int>() == year.EndYear);

    private static JsonObject ProgramRecord(CteProgram program) => new()
    {
        ["resource"] = "programs",
        ["body"] = new JsonObject
        {
            ["educationOrganizationReference"] = new JsonObject { ["educationOrganizationId"] = program.EducationOrganizationId },
            ["programName"] = program.ProgramName,
            ["programTypeDescriptor"] = program.ProgramTypeDescriptor,
        },
    };

    private static void Add(SimulatorState state, YearStore store, string file, JsonObject record, SchoolYear year)
    {
        var endpoint = record["resource"]?.GetValue<string>() ?? throw new InvalidDataException($"{file}: a record has no 'resource'.");
        var resource = state.Schema.Find(endpoint) ?? throw new InvalidDataException($"{file}: '{endpoint}' is not a resource the simulator knows.");
        var template = record["body"] as JsonObject ?? throw new InvalidDataException($"{file}: a {endpoint} record has no 'body'.");
        var body = (JsonObject)Substitute(template, year)!;

        var bound = BodyBinder.Bind(resource.Root, body);
        state.Descriptors.Check(bound, year);
        if (!bound.IsValid)
            throw new InvalidDataException($"{file}: {endpoint} record {body.ToJsonString()} does not bind in {year}: " +
                string.Join("; ", bound.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));

        if (record["x-choice"]?.GetValue<bool>() == true && body["schoolId"] is JsonValue schoolId)
            state.ChoiceSchools[schoolId.GetValue<long>()] = true;

        store.Atomically(s =>
        {
            if (ReferenceResolver.Resolve(state.Schema, s, bound.References, out var references) is { } unresolved)
                throw new InvalidDataException($"{file}: {endpoint} record in {year}: its {unresolved.ReferenceName} at {unresolved.Path} points at nothing loaded before it.");
            var key = NaturalKey.Of(resource, bound.Document);
            if (s.ByKey(endpoint, key) is not null)
                throw new InvalidDataException($"{file}: two {endpoint} records in {year} have the key ({NaturalKey.Display(key)}).");
            s.Put(new StoredDocument
            {
                Id = Guid.NewGuid(),
                Resource = resource.Endpoint,
                Body = bound.Document,
                Key = key,
                ETag = s.NextETag(),
                LastModified = state.Time.GetUtcNow(),
                Sequence = s.NextSequence(),
                References = references,
            });
            return 0;
        });
    }

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
