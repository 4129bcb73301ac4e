using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Dpi.L2;
using WisCte.EdFi.Model;

namespace WisCte.Dpi.Tests;

/// <summary>
/// Each of DPI's L2 rules, without HTTP or a simulator: a small data set that follows it (no finding) and the same data
/// set with one thing changed that breaks it (the finding, with its code and severity). Each runs twice: records held
/// as JSON trees (the simulator's store) and as UTF-8 (a judgement's final state, an audit's pages).
/// </summary>
public sealed class L2RuleTests
{
    private static readonly SchoolYear Year2026 = new(2026);
    private static readonly SchoolYear Year2024 = new(2024);

    public static IEnumerable<TestCaseData> Cases()
    {
        foreach (var utf8 in new[] { false, true })
        {
            var held = utf8 ? "held as UTF-8" : "held as trees";
            yield return Case<ParticipationWithoutCteAssociationRule>(Year2026, utf8, "16.1 a section participation without the CTE association",
                d => d.Remove("studentCTEProgramAssociations", 0), held);
            yield return Case<ConcentratorWithoutAreaOrPathwayRule>(Year2026, utf8, "17.1 a concentrator without a pathway",
                d => d.Edit("studentCTEProgramAssociations", 1, b => b["cteProgramServices"] = new JsonArray()), held);
            yield return Case<SingleParentStatusRule>(Year2026, utf8, "17.2 a grade 11 CTE student without characteristics",
                d => d.Remove("studentEducationOrganizationAssociations", 0), held);
            yield return Case<CteParticipantRule>(Year2026, utf8, "17.3 a student who passed a CTE course (information)",
                d => d.Edit("grades", 0, b => b["letterGradeEarned"] = "B"), held, breakingIsTheFinding: true);
            yield return Case<WblBefore2025Rule>(Year2024, utf8, "WBL reported in 2023-24",
                d => d.Edit("studentSectionAssociations", 0, b => ProgramOf(b)["programTypeDescriptor"] = "uri://dpi.wi.gov/ProgramTypeDescriptor#WBL"), held);
            yield return Case<DeprecatedCourseRule>(Year2026, utf8, "18.1 an offering of a course marked DO NOT USE",
                d => d.Edit("courses", 0, b => b["courseDescription"] = "Accounting I DO NOT USE"), held);
            yield return Case<MultipleCertificatedStatusesRule>(Year2026, utf8, "6794 two statuses for an IRC program no section names",
                d => d.Remove("studentSectionAssociations", 0).Add("studentCTEProgramAssociations", District.Association("IRC", "IRC State Approved Business & Industry", "C")), held);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void A_rule_passes_data_that_follows_it_and_flags_the_one_change_that_breaks_it(IL2Rule rule, SchoolYear year, bool utf8, Action<District> breakIt, bool breakingIsTheFinding)
    {
        var follows = new District(year);
        var breaks = new District(year);
        breakIt(breaks);

        var onFollowing = rule.Run(new L2Context(follows.DataSet(utf8), District.Lea, year)).ToList();
        var onBroken = rule.Run(new L2Context(breaks.DataSet(utf8), District.Lea, year)).ToList();

        onFollowing.Should().BeEmpty(breakingIsTheFinding ? "the student failed the CTE course" : "the data follows the rule");
        onBroken.Should().ContainSingle().Which.Should().Match<ValidationResult>(r => r.Code == rule.Code && r.Severity == rule.Severity && r.SchoolYear == year);
        (onBroken[0].StudentUniqueId == District.Student || onBroken[0].Message.Contains("ACCT1", StringComparison.Ordinal))
            .Should().BeTrue("the finding names the student, or the offering: {0}", onBroken[0].Message);
        onBroken[0].ResourceId.Should().NotBeNullOrEmpty("the finding names the record");
    }

    [Test]
    public void The_rule_set_runs_its_rules_at_once_and_gives_their_results_rule_by_rule()
    {
        var broken = new District(Year2026)
            .Remove("studentCTEProgramAssociations", 0)
            .Remove("studentEducationOrganizationAssociations", 0)
            .Edit("courses", 0, b => b["courseDescription"] = "Accounting I DO NOT USE");
        var data = broken.DataSet(utf8: true);

        var oneByOne = L2RuleSet.Dpi.Rules.SelectMany(r => r.Run(new L2Context(data, District.Lea, Year2026))).Select(r => $"{r.Code}: {r.Message}").ToList();
        var atOnce = L2RuleSet.Dpi.Run(new L2Context(data, District.Lea, Year2026)).Select(r => $"{r.Code}: {r.Message}").ToList();

        oneByOne.Select(r => r.Split(':')[0]).Distinct().Should().HaveCountGreaterThan(2, "several rules find something");
        atOnce.Should().Equal(oneByOne);
    }

    private static TestCaseData Case<TRule>(SchoolYear year, bool utf8, string what, Action<District> breakIt, string held, bool breakingIsTheFinding = false)
        where TRule : IL2Rule, new()
    {
        var rule = new TRule();
        return new TestCaseData(rule, year, utf8, breakIt, breakingIsTheFinding).SetName($"{rule.Code}: {what}, {held}");
    }

    private static JsonObject ProgramOf(JsonObject enrolment) => (JsonObject)enrolment["programs"]![0]!["programReference"]!;

    /// <summary>
    /// One grade 11 student at school 7525 of LEA 48856, as DPI documents it: enrolled, with characteristics, in the
    /// CTE section of Accounting I with an IRC program (and in 2023-24 the program type of that year), a failing grade,
    /// the IRC program's status and a CTE concentrator record with its area and pathway.
    /// </summary>
    public sealed class District
    {
        public const long Lea = DpiRecords.Lea;
        public const string Student = "S000042";
        private readonly Dictionary<string, List<JsonObject>> _records = new(StringComparer.OrdinalIgnoreCase);

        public District(SchoolYear year)
        {
            var irc = year >= new SchoolYear(2025) ? "IRC" : "Certified";
            Add("courses", DpiRecords.Course("FX-ACCT1", "Accounting I", cte: true));
            Add("courseOfferings", new JsonObject
            {
                ["localCourseCode"] = "ACCT1", ["courseReference"] = new JsonObject { ["courseCode"] = "FX-ACCT1", ["educationOrganizationId"] = Lea },
                ["schoolReference"] = new JsonObject { ["schoolId"] = 7525 }, ["sessionReference"] = new JsonObject { ["sessionName"] = "Year", ["schoolId"] = 7525, ["schoolYear"] = year.EndYear },
            });
            Add("studentSchoolAssociations", new JsonObject
            {
                ["studentReference"] = StudentRef(), ["schoolReference"] = new JsonObject { ["schoolId"] = 7525 }, ["entryDate"] = "2025-08-26",
                ["entryGradeLevelDescriptor"] = "uri://ed-fi.org/GradeLevelDescriptor#Eleventh grade",
            });
            Add("studentEducationOrganizationAssociations", new JsonObject { ["studentReference"] = StudentRef(), ["educationOrganizationReference"] = new JsonObject { ["educationOrganizationId"] = Lea } });
            Add("studentSectionAssociations", new JsonObject
            {
                ["studentReference"] = StudentRef(), ["beginDate"] = "2025-08-26", ["attemptStatusDescriptor"] = "uri://dpi.wi.gov/AttemptStatusDescriptor#S",
                ["sectionReference"] = new JsonObject { ["localCourseCode"] = "ACCT1", ["schoolId"] = 7525, ["schoolYear"] = year.EndYear, ["sectionIdentifier"] = "ACCT1-01", ["sessionName"] = "Year" },
                ["programs"] = new JsonArray(new JsonObject { ["programReference"] = DpiRecords.Program(irc, "IRC State Approved Business & Industry") }),
            });
            Add("grades", new JsonObject
            {
                ["studentSectionAssociationReference"] = new JsonObject
                {
                    ["studentUniqueId"] = Student, ["beginDate"] = "2025-08-26", ["localCourseCode"] = "ACCT1", ["schoolId"] = 7525, ["schoolYear"] = year.EndYear,
                    ["sectionIdentifier"] = "ACCT1-01", ["sessionName"] = "Year",
                },
                ["letterGradeEarned"] = "F",
            });
            Add("studentCTEProgramAssociations", Association(irc, "IRC State Approved Business & Industry", "B"));
            var concentrator = Association("CTE", "Career and Technical Education", null);
            concentrator["cteProgramServices"] = new JsonArray(new JsonObject { ["cteProgramServiceDescriptor"] = "uri://dpi.wi.gov/CteProgramServiceDescriptor#B01" });
            concentrator["ctePrograms"] = new JsonArray(new JsonObject { ["careerPathwayDescriptor"] = "uri://dpi.wi.gov/CareerPathwayDescriptor#B01" });
            Add("studentCTEProgramAssociations", concentrator);
        }

        public District Add(string resource, JsonObject body)
        {
            if (!_records.TryGetValue(resource, out var list))
                _records[resource] = list = [];
            list.Add(body);
            return this;
        }

        public District Remove(string resource, int index)
        {
            _records[resource].RemoveAt(index);
            return this;
        }

        public District Edit(string resource, int index, Action<JsonObject> change)
        {
            change(_records[resource][index]);
            return this;
        }

        /// <summary>The records as a rule reads them: JSON trees, or each record's UTF-8 parsed on each read.</summary>
        public IL2DataSet DataSet(bool utf8) => new Held(_records.ToDictionary(
            r => r.Key,
            r => (IReadOnlyList<L2Record>)[.. r.Value.Select((body, i) => utf8
                ? L2Record.FromUtf8($"{r.Key}-{i}", Encoding.UTF8.GetBytes(body.ToJsonString()))
                : new L2Record($"{r.Key}-{i}", (JsonObject)body.DeepClone()))],
            StringComparer.OrdinalIgnoreCase));

        public static JsonObject Association(string type, string name, string? status) => DpiRecords.Association(Student, type, name, status);

        private static JsonObject StudentRef() => DpiRecords.StudentRef(Student);

        private sealed class Held(Dictionary<string, IReadOnlyList<L2Record>> records) : IL2DataSet
        {
            public IReadOnlyList<L2Record> Records(string resource) => records.TryGetValue(resource, out var list) ? list : [];
        }
    }
}
