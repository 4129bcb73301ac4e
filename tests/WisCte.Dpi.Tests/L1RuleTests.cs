using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Dpi.DataProperties;
using WisCte.Dpi.Programs;
using WisCte.Dpi.L1;
using WisCte.EdFi.Model;

namespace WisCte.Dpi.Tests;

/// <summary>
/// Each of DPI's L1 rules, without HTTP or a simulator: a 2025-26 CTE association and section enrolment as DPI
/// documents them pass it, and the one change that breaks it is refused, with the rule's id and the path of the value.
/// </summary>
public sealed class L1RuleTests
{
    private static readonly SchoolYear Year = new(2026);
    private const long School = 7525;

    public static IEnumerable<TestCaseData> Cases()
    {
        yield return Case(new CteServicesFrom2526Rule(), "a 2025-26 CTE association with the old ctePrograms", "studentCTEProgramAssociations",
            b => b["ctePrograms"] = new JsonArray(new JsonObject { ["careerPathwayDescriptor"] = "uri://dpi.wi.gov/CareerPathwayDescriptor#B01" }), "$.ctePrograms");
        yield return Case(new SectionProgramsInCoreFrom2526Rule(), "a 2025-26 section's programs in DPI's extension", "studentSectionAssociations",
            b => b["_ext"] = new JsonObject { ["WI"] = new JsonObject { ["programs"] = b["programs"]!.DeepClone() } }, "$._ext.WI.programs");
        yield return Case(new ProgramNameForYearRule(CteProgramCatalog.Dpi), "a program name DPI does not have for IRC", "studentSectionAssociations",
            b => b["programs"]![0]!["programReference"]!["programName"] = "IRC Fictional Made-up Program", "$.programs[0].programReference.programName");
        yield return Case(new PublicRequiredPropertiesRule(DataPropertyTable.Dpi), "a public school's CTE association without its certificated program status", "studentCTEProgramAssociations",
            b => b["_ext"]!["WI"]!.AsObject().Remove("certificatedProgramStatusDescriptor"), "$._ext.WI.certificatedProgramStatusDescriptor");
        yield return Case(new NoCteFromChoiceSchoolRule(), "a CTE association of a Choice school", "studentCTEProgramAssociations",
            _ => { }, "$.educationOrganizationReference.educationOrganizationId", choiceSchool: true);
        yield return Case(new NoCteFromChoiceSchoolRule(), "IRC participation on a Choice school's section", "studentSectionAssociations",
            _ => { }, "$.programs[0].programReference", choiceSchool: true);
    }

    [TestCaseSource(nameof(Cases))]
    public void A_rule_passes_documents_as_dpi_documents_them_and_refuses_the_one_change_that_breaks_it(
        IL1Rule rule, string resource, Action<JsonObject> breakIt, string path, bool choiceSchool)
    {
        foreach (var (name, document) in Documents())
            rule.Check(new L1Request(name, document, Year, new ReferenceData(choiceSchool: false))).Should().BeEmpty($"{name} as DPI documents it follows {rule.Id}");

        var broken = Documents()[resource];
        breakIt(broken);
        var violations = rule.Check(new L1Request(resource, broken, Year, new ReferenceData(choiceSchool))).ToList();

        violations.Should().ContainSingle().Which.Should().Match<RuleViolation>(v => v.RuleId == rule.Id && v.Path == path);
        violations[0].Message.Should().NotBeNullOrWhiteSpace();
    }

    private static TestCaseData Case(IL1Rule rule, string what, string resource, Action<JsonObject> breakIt, string path, bool choiceSchool = false) =>
        new TestCaseData(rule, resource, breakIt, path, choiceSchool).SetName($"{rule.Id}: {what}");

    /// <summary>The two documents, as bound (canonical names), fresh for each use.</summary>
    private static Dictionary<string, JsonObject> Documents() => new(StringComparer.Ordinal)
    {
        ["studentCTEProgramAssociations"] = new JsonObject
        {
            ["beginDate"] = "2025-08-26",
            ["educationOrganizationReference"] = new JsonObject { ["educationOrganizationId"] = School },
            ["programReference"] = Program(),
            ["studentReference"] = new JsonObject { ["studentUniqueId"] = "S000042" },
            ["endDate"] = "2026-06-05",
            ["cteProgramServices"] = new JsonArray(new JsonObject { ["cteProgramServiceDescriptor"] = "uri://dpi.wi.gov/CteProgramServiceDescriptor#B01", ["cipCode"] = "52.0301" }),
            ["_ext"] = new JsonObject
            {
                ["WI"] = new JsonObject
                {
                    ["certificatedProgramStatusDescriptor"] = "uri://dpi.wi.gov/CertificatedProgramStatusDescriptor#B",
                    ["cteConcentrationCteProgramAreas"] = new JsonArray(new JsonObject { ["cteProgramAreaDescriptor"] = "uri://dpi.wi.gov/CteProgramAreaDescriptor#B" }),
                },
            },
        },
        ["studentSectionAssociations"] = new JsonObject
        {
            ["beginDate"] = "2025-08-26",
            ["sectionReference"] = new JsonObject { ["localCourseCode"] = "ACCT1", ["schoolId"] = School, ["schoolYear"] = 2026, ["sectionIdentifier"] = "ACCT1-01", ["sessionName"] = "Year" },
            ["studentReference"] = new JsonObject { ["studentUniqueId"] = "S000042" },
            ["attemptStatusDescriptor"] = "uri://dpi.wi.gov/AttemptStatusDescriptor#S",
            ["endDate"] = "2026-06-05",
            ["programs"] = new JsonArray(new JsonObject { ["programReference"] = Program() }),
        },
    };

    private static JsonObject Program() => new()
    {
        ["educationOrganizationId"] = 48856,
        ["programName"] = "IRC State Approved Business & Industry",
        ["programTypeDescriptor"] = "uri://dpi.wi.gov/ProgramTypeDescriptor#IRC",
    };

    private sealed class ReferenceData(bool choiceSchool) : IDpiReferenceData
    {
        public bool IsChoiceSchool(long educationOrganizationId) => choiceSchool && educationOrganizationId == School;
    }
}
