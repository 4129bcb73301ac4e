using System.Collections.Concurrent;
using WisCte.Dpi;
using WisCte.Simulator.Auth;
using WisCte.Simulator.Descriptors;
using WisCte.Simulator.Faults;
using WisCte.Simulator.Journal;
using WisCte.Simulator.Store;
using WisCte.EdFi.Model;

namespace WisCte.Simulator.Hosting;

/// <summary>Everything one simulator instance holds; shared by its endpoints. Nothing here is static.</summary>
internal sealed class SimulatorState
{
    public SimulatorState(SimulatorOptions options, SchemaCatalog schema, DescriptorCatalog descriptors)
    {
        Options = options;
        Schema = schema;
        Descriptors = descriptors;
        Tokens = new TokenService(options.Time, options.TokenLifetime);
        foreach (var client in options.Clients)
            Tokens.AddClient(client);
        Journal = new SimulatorJournal(options.JournalPath, options.JournalCapacity);
        Faults = new FaultInjector(options.RandomSeed is { } seed ? new Random(seed) : Random.Shared);
        foreach (var fault in options.Faults)
            Faults.Add(fault);
        foreach (var year in options.AllSchoolYears)
            Years[year] = new YearStore(year);
    }

    public SimulatorOptions Options { get; }
    public SchemaCatalog Schema { get; }
    public DescriptorCatalog Descriptors { get; }
    public TokenService Tokens { get; }
    public SimulatorJournal Journal { get; }
    public FaultInjector Faults { get; }
    public Dictionary<SchoolYear, YearStore> Years { get; } = [];

    /// <summary>Schools in the Parental Choice Program: DPI expects no CTE data from them.</summary>
    public ConcurrentDictionary<long, bool> ChoiceSchools { get; } = new();

    public TimeProvider Time => Options.Time;

    public YearStore? Year(SchoolYear year) => Years.GetValueOrDefault(year);
}
