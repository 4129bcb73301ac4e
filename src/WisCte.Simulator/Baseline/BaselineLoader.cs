using System.Text.Json.Nodes;
using WisCte.Dpi.Baseline;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Store;
using WisCte.EdFi.Model;

namespace WisCte.Simulator.Baseline;

/// <summary>
/// Loads DPI's reference data into every school year at start: the LEA and its schools, the calendar, courses,
/// course offerings and sections (fixtures/baseline), and DPI's programs of that year (fixtures/dpi/programs.json).
/// Records go through the same binding and reference checks as a POST, so a bad fixture fails loudly at start.
/// </summary>
internal static class BaselineLoader
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
            foreach (var record in BaselineRecords.ForYear(records, year))
                Add(state, store, record, year);
        }
    }

    /// <summary>The records of fixtures/baseline, embedded in WisCte.Dpi (<see cref="BaselineRecords.Embedded"/>).</summary>
    public static IReadOnlyList<(string File, JsonObject Record)> Embedded() => BaselineRecords.Embedded();

    private static void Add(SimulatorState state, YearStore store, BaselineRecord record, SchoolYear year)
    {
        var (file, endpoint, body) = (record.File, record.Resource, record.Body);
        var resource = state.Schema.Find(endpoint) ?? throw new InvalidDataException($"{file}: '{endpoint}' is not a resource the simulator knows.");

        var bound = BodyBinder.Bind(resource.Root, body);
        state.Descriptors.Check(bound, year);
        if (!bound.IsValid)
            throw new InvalidDataException($"{file}: {endpoint} record {body.ToJsonString()} does not bind in {year}: " +
                string.Join("; ", bound.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));

        if (record.IsChoiceSchool && body["schoolId"] is JsonValue schoolId)
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
}
