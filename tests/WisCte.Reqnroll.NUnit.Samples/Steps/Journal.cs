namespace WisCte.Reqnroll.NUnit.Samples.Steps;

/// <summary>Per-scenario state, injected into every binding class that asks for it.</summary>
public sealed class Journal
{
    public IList<string> Entries { get; } = [];
    public IList<string> Hooks { get; } = [];
    public string? SharedState { get; set; }
    public string? ScopedAnswer { get; set; }
}
