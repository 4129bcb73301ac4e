using WisCte.EdFi.Model;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Dpi;
using WisCte.Simulator.Baseline;
using WisCte.Simulator.Descriptors;
using WisCte.Simulator.Hosting;

namespace WisCte.Simulator.Tests;

/// <summary>The baseline goes through the same descriptor and reference checks as a POST: a bad fixture is refused at start-up, by file.</summary>
public sealed class BaselineTests
{
    private static SimulatorState State() =>
        new(new SimulatorOptions { DefaultSchoolYear = new SchoolYear(2026), SchoolYears = [new SchoolYear(2026)] }, SchemaCatalog.Embedded(), DescriptorCatalog.Embedded());

    private static JsonObject Program(string programType) => new()
    {
        ["resource"] = "programs",
        ["body"] = new JsonObject
        {
            ["educationOrganizationReference"] = new JsonObject { ["educationOrganizationId"] = 48856 },
            ["programName"] = "Fictional Baseline Program",
            ["programTypeDescriptor"] = $"uri://dpi.wi.gov/ProgramTypeDescriptor#{programType}",
        },
    };

    [Test]
    public void A_descriptor_not_valid_in_the_year_is_refused_naming_the_file()
    {
        var load = () => BaselineLoader.Load(State(), [.. BaselineLoader.Embedded(), ("extra", Program("Non Certified"))]);

        load.Should().Throw<InvalidDataException>().WithMessage("extra: programs record*does not bind in 2025-26*'uri://dpi.wi.gov/ProgramTypeDescriptor#Non Certified' does not exist in 2025-26*");
    }

    [Test]
    public void A_descriptor_is_stored_in_its_canonical_spelling()
    {
        var state = State();

        BaselineLoader.Load(state, [.. BaselineLoader.Embedded(), ("extra", Program("cte"))]);

        state.Year(new SchoolYear(2026))!.All("programs").Select(d => d.Body["programTypeDescriptor"]!.GetValue<string>())
            .Should().Contain("uri://dpi.wi.gov/ProgramTypeDescriptor#CTE").And.NotContain(d => d.EndsWith("#cte", StringComparison.Ordinal));
    }

    [Test]
    public void A_reference_to_nothing_loaded_is_refused()
    {
        var orphan = Program("CTE");
        orphan["body"]!["educationOrganizationReference"]!["educationOrganizationId"] = 99999;

        var load = () => BaselineLoader.Load(State(), [.. BaselineLoader.Embedded(), ("extra", orphan)]);

        load.Should().Throw<InvalidDataException>().WithMessage("extra: programs record in 2025-26: its educationOrganizationReference*points at nothing loaded before it.");
    }
}
