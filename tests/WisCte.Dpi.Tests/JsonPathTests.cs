using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.EdFi.Model;

namespace WisCte.Dpi.Tests;

/// <summary>The one JSON-path helper, on a body spelt as DPI's own samples spell theirs (<c>_EXT</c>, <c>programtypeDescriptor</c>).</summary>
public sealed class JsonPathTests
{
    private static JsonObject Sample() => (JsonObject)JsonNode.Parse("""
        {
          "programReference": { "programName": "IRC - Not State Approved", "programtypeDescriptor": "uri://dpi.wi.gov/ProgramTypeDescriptor#IRC" },
          "_EXT": { "WI": { "programs": [ { "programReference": { "programName": "A" } }, { "programReference": { "programName": "B" } } ], "empty": [] } }
        }
        """)!;

    [Test]
    public void Names_match_without_regard_to_case_and_an_index_reads_one_item()
    {
        JsonPath.Get(Sample(), "$.programReference.programTypeDescriptor")!.GetValue<string>().Should().EndWith("#IRC");
        JsonPath.Get(Sample(), "_ext.wi.programs[1].programReference.programName")!.GetValue<string>().Should().Be("B");
        JsonPath.Get(Sample(), "_ext.wi.programs[2]").Should().BeNull();
        JsonPath.Get(Sample(), "programReference.missing").Should().BeNull();
    }

    [Test]
    public void Every_item_is_read_through_brackets_and_a_missing_or_empty_step_reads_nothing()
    {
        JsonPath.FindAll(Sample(), "_ext.wi.programs[].programReference.programName").Select(n => n.GetValue<string>()).Should().Equal("A", "B");
        JsonPath.FindAll(Sample(), "_ext.wi.empty[].programReference").Should().BeEmpty();
        JsonPath.FindAll(Sample(), "_ext.wi.none[].programReference").Should().BeEmpty();
        JsonPath.Spelling(Sample(), "_ext.wi.programs[].programReference.programName").Should().Be("_EXT.WI.programs[].programReference.programName");
        JsonPath.Spelling(Sample(), "_ext.wi.missing").Should().Be("_EXT.WI.missing");
    }

    [Test]
    public void Set_keeps_the_documents_spelling_and_remove_takes_out_only_what_is_there()
    {
        var sample = Sample();

        JsonPath.Set(sample, "programReference.programTypeDescriptor", "x");
        JsonPath.Remove(sample, "_ext.wi.empty").Should().BeTrue();
        JsonPath.Remove(sample, "_ext.wi.empty").Should().BeFalse();

        sample["programReference"]!.AsObject().Select(p => p.Key).Should().Equal("programName", "programtypeDescriptor");
        sample["programReference"]!["programtypeDescriptor"]!.GetValue<string>().Should().Be("x");
        sample["_EXT"]!["WI"]!.AsObject().ContainsKey("empty").Should().BeFalse();
    }
}
