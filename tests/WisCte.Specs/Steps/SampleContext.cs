using WisCte.EdFi.Model;
using System.Text.Json.Nodes;
using WisCte.Dpi;
using WisCte.Dpi.DataProperties;

namespace WisCte.Specs.Steps;

/// <summary>The sample a scenario is looking at; one per scenario, shared by its binding classes.</summary>
public sealed class SampleContext
{
    public string Resource { get; set; } = "";
    public SchoolYear Year { get; set; }
    public string Text { get; set; } = "";
    public JsonNode? Json { get; set; }
    public string? ParseError { get; set; }
    public IReadOnlyList<PropertyFinding> Findings { get; set; } = [];
}
