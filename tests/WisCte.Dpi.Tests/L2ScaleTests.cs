using System.Collections;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Dpi.L2;
using WisCte.EdFi.Model;
using static WisCte.Dpi.Tests.DpiRecords;

namespace WisCte.Dpi.Tests;

/// <summary>
/// Each L2 rule on a district-size data set (10,200 students, over 100,000 records) reads each record a bounded number of
/// times: the data set counts every record a rule reads and stops the run when the count passes a budget of a few reads
/// per record, so a rule that scans a resource per record fails fast here (by count, not by a timer).
/// </summary>
public sealed class L2ScaleTests
{
    private const int Students = 10_200;
    private static readonly Lazy<District> Data = new(() => new District(Students));

    public static IEnumerable<TestCaseData> Rules() =>
        L2RuleSet.Dpi.Rules.Select(r => new TestCaseData(r).SetName($"{r.Code} reads each of over 100,000 records a bounded number of times"));

    [TestCaseSource(nameof(Rules))]
    public void A_rule_does_not_scan_a_resource_per_record(IL2Rule rule)
    {
        var data = Data.Value;
        var counting = new CountingDataSet(data, budget: 20L * data.Count);

        var run = () => rule.Run(new L2Context(counting, 48856, new SchoolYear(2026))).ToList();

        run.Should().NotThrow<BudgetExceeded>();
        data.Count.Should().BeGreaterThanOrEqualTo(100_000);
    }

    [Test]
    public void The_budget_catches_a_rule_that_scans_per_record()
    {
        var data = Data.Value;
        var counting = new CountingDataSet(data, budget: 20L * data.Count);
        var quadratic = () => counting.Records("studentSchoolAssociations")
            .Select(r => counting.Records("grades").Count(g => ReferenceEquals(g, r))).ToList();

        quadratic.Should().Throw<BudgetExceeded>();
    }

    /// <summary>A district's year: per student an enrolment, characteristics, three section enrolments (one with a program), their grades and two CTE associations.</summary>
    private sealed class District : IL2DataSet
    {
        private readonly Dictionary<string, List<L2Record>> _records = new(StringComparer.OrdinalIgnoreCase);

        public District(int students)
        {
            Add("courses", Course("FX-ACCT1", "Accounting I", cte: true), Course("FX-ENG9", "English 9", cte: false), Course("FX-PFIN", "Personal Finance DO NOT USE", cte: true));
            foreach (var code in new[] { "ACCT1", "ENG9", "PFIN" })
            {
                Add("courseOfferings", new JsonObject
                {
                    ["localCourseCode"] = code, ["courseReference"] = new JsonObject { ["courseCode"] = "FX-" + code, ["educationOrganizationId"] = 48856 },
                    ["schoolReference"] = new JsonObject { ["schoolId"] = 7525 }, ["sessionReference"] = new JsonObject { ["sessionName"] = "2025-2026 Year", ["schoolId"] = 7525, ["schoolYear"] = 2026 },
                });
            }
            for (var i = 0; i < students; i++)
            {
                var student = $"S{i:D6}";
                var grade = (i % 4) switch { 0 => "Ninth grade", 1 => "Tenth grade", 2 => "Eleventh grade", _ => "Twelfth grade" };
                Add("studentSchoolAssociations", new JsonObject
                {
                    ["studentReference"] = StudentRef(student), ["schoolReference"] = new JsonObject { ["schoolId"] = 7525 }, ["entryDate"] = "2025-08-26",
                    ["entryGradeLevelDescriptor"] = $"uri://ed-fi.org/GradeLevelDescriptor#{grade}",
                });
                if (i % 10 != 0)
                    Add("studentEducationOrganizationAssociations", new JsonObject { ["studentReference"] = StudentRef(student), ["educationOrganizationReference"] = new JsonObject { ["educationOrganizationId"] = 48856 } });
                foreach (var code in new[] { "ACCT1", "ENG9", "PFIN" })
                {
                    var enrolment = new JsonObject
                    {
                        ["studentReference"] = StudentRef(student), ["beginDate"] = "2025-08-26", ["attemptStatusDescriptor"] = "uri://dpi.wi.gov/AttemptStatusDescriptor#S",
                        ["sectionReference"] = new JsonObject { ["localCourseCode"] = code, ["schoolId"] = 7525, ["schoolYear"] = 2026, ["sectionIdentifier"] = $"{code}-01-2026", ["sessionName"] = "2025-2026 Year" },
                    };
                    if (code == "ACCT1")
                        enrolment["programs"] = new JsonArray(new JsonObject { ["programReference"] = Program(i % 3 == 0 ? "WBL" : "IRC", i % 3 == 0 ? "Internship/Local Co-op" : "IRC State Approved Business & Industry") });
                    Add("studentSectionAssociations", enrolment);
                    Add("grades", new JsonObject
                    {
                        ["studentSectionAssociationReference"] = new JsonObject
                        {
                            ["studentUniqueId"] = student, ["beginDate"] = "2025-08-26", ["localCourseCode"] = code, ["schoolId"] = 7525, ["schoolYear"] = 2026,
                            ["sectionIdentifier"] = $"{code}-01-2026", ["sessionName"] = "2025-2026 Year",
                        },
                        ["letterGradeEarned"] = i % 7 == 0 ? "F" : "B",
                    });
                }
                Add("studentCTEProgramAssociations", Association(student, "IRC", "IRC State Approved Business & Industry", "B"));
                Add("studentCTEProgramAssociations", Association(student, "CTE", "Career and Technical Education", null));
            }
        }

        public int Count => _records.Values.Sum(r => r.Count);

        public IReadOnlyList<L2Record> Records(string resource) => _records.TryGetValue(resource, out var list) ? list : [];

        private void Add(string resource, params JsonObject[] bodies)
        {
            if (!_records.TryGetValue(resource, out var list))
                _records[resource] = list = [];
            list.AddRange(bodies.Select(b => new L2Record($"{resource}-{list.Count}", b)));
        }

    }

    private sealed class BudgetExceeded(long budget) : Exception($"The rule read more than {budget} records: it scans a resource per record.");

    /// <summary>A data set that counts every record read through it and stops the run past a budget.</summary>
    private sealed class CountingDataSet(IL2DataSet inner, long budget) : IL2DataSet
    {
        private long _reads;

        public IReadOnlyList<L2Record> Records(string resource) => new CountingList(inner.Records(resource), this);

        private void Read()
        {
            if (++_reads > budget)
                throw new BudgetExceeded(budget);
        }

        private sealed class CountingList(IReadOnlyList<L2Record> inner, CountingDataSet owner) : IReadOnlyList<L2Record>
        {
            public int Count => inner.Count;

            public L2Record this[int index]
            {
                get
                {
                    owner.Read();
                    return inner[index];
                }
            }

            public IEnumerator<L2Record> GetEnumerator()
            {
                foreach (var record in inner)
                {
                    owner.Read();
                    yield return record;
                }
            }

            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }
    }
}
