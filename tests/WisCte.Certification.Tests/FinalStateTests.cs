using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.EdFi.Model;
using WisCte.Journal;
using WisCte.ReferenceSis.Payloads;

namespace WisCte.Certification.Tests;

/// <summary>
/// The reducer, entry by entry, on journals written by hand: what each accepted write leaves, and that nothing else
/// changes the state.
/// </summary>
public sealed class FinalStateTests
{
    private static readonly SchoolYear Year = new(2026);
    private static readonly SchemaCatalog Schema = SchemaCatalog.Embedded();
    private static readonly SectionRef Section = new("FOODS1", 7525, 2026, "FOODS1-01-2026", UseCasePayloads.SessionName(Year));

    private sealed class Journal
    {
        private long _sequence;

        public List<Exchange> Entries { get; } = [];

        /// <summary>An exchange as the journal records it; a POST's Location names <paramref name="id"/>.</summary>
        public long Add(string method, string resource, int status, JsonObject? body = null, string? id = null)
        {
            var path = $"/2026/data/v3/ed-fi/{resource}" + (method == "POST" || id is null ? "" : "/" + id);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (method == "POST" && id is not null)
                headers["Location"] = $"http://127.0.0.1:5080/2026/data/v3/ed-fi/{resource}/{id}";
            Entries.Add(new Exchange(new JournalEntry
            {
                Sequence = ++_sequence,
                Timestamp = DateTimeOffset.UnixEpoch,
                CorrelationId = "c" + _sequence,
                Method = method,
                Path = path,
                RequestBody = body?.ToJsonString(),
                Status = status,
                ResponseHeaders = headers,
            }, Year));
            return _sequence;
        }

        public FinalState Reduce() => new FinalState(Schema).ApplyAll(Entries);
    }

    private static string NewId() => Guid.NewGuid().ToString("N");

    private static JsonObject Student(string id, string firstName = "Fictional")
    {
        var body = UseCasePayloads.Student(id, "unit");
        body["firstName"] = firstName;
        return body;
    }

    private static JsonObject SectionEnrollment(string student, DateOnly begin) =>
        UseCasePayloads.SectionEnrollment(student, Section, begin, null, Year, []);

    [Test]
    public void A_post_then_a_put_leaves_the_puts_body()
    {
        var journal = new Journal();
        var id = NewId();
        journal.Add("POST", "students", 201, Student("CT1", "First"), id);
        journal.Add("PUT", "students", 204, Student("CT1", "Second"), id);

        var students = journal.Reduce().Records(Year, "students");

        students.Should().ContainSingle().Which.Id.Should().Be(id);
        students[0].Body["firstName"]!.GetValue<string>().Should().Be("Second");
    }

    [Test]
    public void A_post_then_a_delete_leaves_nothing()
    {
        var journal = new Journal();
        var id = NewId();
        journal.Add("POST", "students", 201, Student("CT1"), id);
        journal.Add("DELETE", "students", 204, id: id);

        var state = journal.Reduce();

        state.Records(Year, "students").Should().BeEmpty();
        state.UnknownIds.Should().BeEmpty();
    }

    [Test]
    public void An_id_is_matched_in_any_spelling_of_its_guid()
    {
        var journal = new Journal();
        var id = Guid.NewGuid();
        journal.Add("POST", "students", 201, Student("CT1"), id.ToString("N"));
        journal.Add("DELETE", "students", 204, id: id.ToString("D").ToUpperInvariant());

        journal.Reduce().Records(Year, "students").Should().BeEmpty();
    }

    [Test]
    public void Two_posts_of_one_natural_key_in_different_casing_leave_one_record_bound_as_the_ods_binds()
    {
        var journal = new Journal();
        var id = NewId();
        journal.Add("POST", "students", 201, new JsonObject
        {
            ["STUDENTUNIQUEID"] = "ct1", ["FirstName"] = "First", ["lastsurname"] = "Unit", ["birthDate"] = "2008-09-15", ["favouriteColour"] = "green",
        }, id);
        journal.Add("POST", "students", 200, new JsonObject
        {
            ["studentUniqueId"] = "CT1", ["firstName"] = "Second", ["LastSurname"] = "Unit", ["BirthDate"] = "2008-09-15",
        }, id);

        var students = journal.Reduce().Records(Year, "students");

        var student = students.Should().ContainSingle().Subject;
        student.Id.Should().Be(id);
        student.Body.Select(p => p.Key).Should().BeEquivalentTo("studentUniqueId", "firstName", "lastSurname", "birthDate");
        student.Body["firstName"]!.GetValue<string>().Should().Be("Second");
    }

    [Test]
    public void Records_keep_the_order_they_were_first_stored_in()
    {
        var journal = new Journal();
        var (a, b) = (NewId(), NewId());
        journal.Add("POST", "students", 201, Student("CT2"), a);
        journal.Add("POST", "students", 201, Student("CT1"), b);
        journal.Add("POST", "students", 200, Student("CT2", "Again"), a);
        journal.Add("PUT", "students", 204, Student("CT2", "Put"), a);

        journal.Reduce().Records(Year, "students").Select(s => s.Id).Should().Equal(a, b);
    }

    [Test]
    public void A_put_that_changes_a_key_moves_the_record()
    {
        var journal = new Journal();
        var (id, other) = (NewId(), NewId());
        var schema = Schema.Find("studentSectionAssociations")!;
        journal.Add("POST", "studentSectionAssociations", 201, SectionEnrollment("CT1", new DateOnly(2025, 8, 26)), id);
        journal.Add("PUT", "studentSectionAssociations", 204, SectionEnrollment("CT1", new DateOnly(2025, 9, 2)), id);

        var moved = journal.Reduce().Records(Year, "studentSectionAssociations").Should().ContainSingle().Subject;
        moved.Id.Should().Be(id);
        moved.Body["beginDate"]!.GetValue<string>().Should().Be("2025-09-02");
        moved.Key.Should().Be(NaturalKey.Of(schema, SectionEnrollment("CT1", new DateOnly(2025, 9, 2))));

        // The old key is free again: a POST of it makes a second record, and does not touch the moved one.
        journal.Add("POST", "studentSectionAssociations", 201, SectionEnrollment("CT1", new DateOnly(2025, 8, 26)), other);
        journal.Reduce().Records(Year, "studentSectionAssociations").Select(e => (e.Id, e.Body["beginDate"]!.GetValue<string>()))
            .Should().Equal((id, "2025-09-02"), (other, "2025-08-26"));
    }

    [Test]
    public void A_key_change_is_carried_into_the_records_that_reference_it()
    {
        var journal = new Journal();
        var (enrolmentId, gradeId) = (NewId(), NewId());
        journal.Add("POST", "studentSectionAssociations", 201, SectionEnrollment("CT1", new DateOnly(2025, 8, 26)), enrolmentId);
        journal.Add("POST", "grades", 201, UseCasePayloads.Grade("CT1", Section, new DateOnly(2025, 8, 26), "B"), gradeId);
        journal.Add("PUT", "studentSectionAssociations", 204, SectionEnrollment("CT1", new DateOnly(2025, 9, 2)), enrolmentId);
        journal.Add("PUT", "grades", 204, UseCasePayloads.Grade("CT1", Section, new DateOnly(2025, 9, 2), "A"), gradeId);

        var state = new FinalState(Schema).ApplyAll(journal.Entries.Take(3));
        var grade = state.Records(Year, "grades").Should().ContainSingle().Subject;
        grade.Id.Should().Be(gradeId);
        grade.Body["studentSectionAssociationReference"]!["beginDate"]!.GetValue<string>().Should().Be("2025-09-02", "the ODS cascades the section association's new key");
        grade.Key.Should().Be(NaturalKey.Of(Schema.Find("grades")!, grade.Body));

        // The SIS's next PUT of the grade names the cascaded key: it finds the same record.
        var after = journal.Reduce().Records(Year, "grades");
        after.Should().ContainSingle().Which.Body["letterGradeEarned"]!.GetValue<string>().Should().Be("A");
    }

    [Test]
    public void A_write_the_server_did_not_accept_changes_nothing()
    {
        var journal = new Journal();
        var id = NewId();
        journal.Add("POST", "students", 201, Student("CT1", "Kept"), id);
        journal.Add("POST", "students", 400, Student("CT1", "Refused"), NewId());
        journal.Add("POST", "students", 409, Student("CT2", "Refused"));
        journal.Add("PUT", "students", 412, Student("CT1", "Refused"), id);
        journal.Add("PUT", "students", 503, Student("CT1", "Unavailable"), id);
        journal.Add("DELETE", "students", 409, id: id);
        journal.Add("DELETE", "students", 0, id: id);
        journal.Add("GET", "students", 200, id: id);

        var state = journal.Reduce();

        var student = state.Records(Year, "students").Should().ContainSingle().Subject;
        student.Id.Should().Be(id);
        student.Body["firstName"]!.GetValue<string>().Should().Be("Kept");
        state.UnknownIds.Should().BeEmpty();
    }

    [Test]
    public void A_put_to_an_id_no_write_gave_is_reported_and_its_body_kept_under_its_key()
    {
        var journal = new Journal();
        var id = NewId();
        var put = journal.Add("PUT", "students", 204, Student("CT9", "Made before the journal"), id);

        var state = journal.Reduce();

        state.UnknownIds.Should().Equal(put);
        var student = state.Records(Year, "students").Should().ContainSingle().Subject;
        student.Id.Should().Be(id);
        student.Body["firstName"]!.GetValue<string>().Should().Be("Made before the journal");
    }

    [Test]
    public void A_delete_of_an_id_no_write_gave_is_reported_and_removes_nothing()
    {
        var journal = new Journal();
        journal.Add("POST", "students", 201, Student("CT1"), NewId());
        var delete = journal.Add("DELETE", "students", 204, id: NewId());

        var state = journal.Reduce();

        state.UnknownIds.Should().Equal(delete);
        state.Records(Year, "students").Should().ContainSingle();
    }

    [Test]
    public void Where_the_journal_missed_a_change_the_servers_answer_wins_a_post_naming_a_held_id_under_another_key()
    {
        var journal = new Journal();
        var id = NewId();
        journal.Add("POST", "studentSectionAssociations", 201, SectionEnrollment("CT1", new DateOnly(2025, 8, 26)), id);
        // A key change the journal does not show: the server answers the new key's upsert with the same id.
        journal.Add("POST", "studentSectionAssociations", 200, SectionEnrollment("CT1", new DateOnly(2025, 9, 2)), id);

        var enrolment = journal.Reduce().Records(Year, "studentSectionAssociations").Should().ContainSingle().Subject;
        enrolment.Id.Should().Be(id);
        enrolment.Body["beginDate"]!.GetValue<string>().Should().Be("2025-09-02");
    }

    [Test]
    public void Where_the_journal_missed_a_change_the_servers_answer_wins_a_put_onto_a_held_key()
    {
        var journal = new Journal();
        var (moved, gone) = (NewId(), NewId());
        journal.Add("POST", "studentSectionAssociations", 201, SectionEnrollment("CT1", new DateOnly(2025, 8, 26)), moved);
        journal.Add("POST", "studentSectionAssociations", 201, SectionEnrollment("CT1", new DateOnly(2025, 9, 2)), gone);
        // The server let the PUT take the second record's key: that record was deleted where the journal does not show.
        journal.Add("PUT", "studentSectionAssociations", 204, SectionEnrollment("CT1", new DateOnly(2025, 9, 2)), moved);
        var delete = journal.Add("DELETE", "studentSectionAssociations", 204, id: gone);

        var state = journal.Reduce();

        state.Records(Year, "studentSectionAssociations").Should().ContainSingle().Which.Id.Should().Be(moved);
        state.UnknownIds.Should().Equal([delete], "the record the PUT displaced is no longer known by its id");
    }

    [Test]
    public void Over_the_baseline_an_upsert_of_a_baseline_record_updates_it_in_place_and_learns_its_id()
    {
        var journal = new Journal();
        var id = NewId();
        journal.Add("POST", "courseOfferings", 200, UseCasePayloads.CourseOffering("CNA", "FX-PFIN", 48856, 7525, Year), id);

        var offerings = FinalState.OverBaseline(Schema).ApplyAll(journal.Entries).Records(Year, "courseOfferings");

        offerings.Should().HaveCountGreaterThan(1, "the baseline's offerings are there");
        offerings[0].Id.Should().Be(id, "the baseline's first offering is CNA, kept in its place");
        offerings[0].Body["courseReference"]!["courseCode"]!.GetValue<string>().Should().Be("FX-PFIN");
        offerings.Skip(1).Should().OnlyContain(o => o.Id == null);
    }

    [Test]
    public void The_rules_read_a_students_records_only_while_the_student_is_enrolled_at_the_leas_schools()
    {
        var journal = new Journal();
        var enrolment = NewId();
        journal.Add("POST", "students", 201, Student("CT1"), NewId());
        journal.Add("POST", "studentSchoolAssociations", 201, UseCasePayloads.SchoolEnrollment("CT1", 7525, "uri://ed-fi.org/GradeLevelDescriptor#Tenth grade", new DateOnly(2025, 8, 26)), enrolment);
        journal.Add("POST", "studentSectionAssociations", 201, SectionEnrollment("CT1", new DateOnly(2025, 8, 26)), NewId());
        var enrolled = FinalState.OverBaseline(Schema).ApplyAll(journal.Entries).DataSet(Year, 48856);
        journal.Add("DELETE", "studentSchoolAssociations", 204, id: enrolment);
        var withdrawn = FinalState.OverBaseline(Schema).ApplyAll(journal.Entries).DataSet(Year, 48856);

        enrolled.Records("studentSectionAssociations").Should().ContainSingle();
        withdrawn.Records("studentSectionAssociations").Should().BeEmpty("the LEA's key no longer reads a student enrolled at none of its schools");
        withdrawn.Records("courseOfferings").Should().NotBeEmpty("records of the LEA's schools that name no student are read");
    }

    [Test]
    public void The_rules_read_no_record_of_another_leas_school()
    {
        var state = new FinalState(Schema, _ =>
        [
            ("localEducationAgencies", new JsonObject { ["localEducationAgencyId"] = 48856, ["nameOfInstitution"] = "Ours" }),
            ("localEducationAgencies", new JsonObject { ["localEducationAgencyId"] = 99999, ["nameOfInstitution"] = "Theirs" }),
            ("schools", School(7525, 48856)),
            ("schools", School(9999, 99999)),
            ("courseOfferings", UseCasePayloads.CourseOffering("OURS", "FX-CNA", 48856, 7525, Year)),
            ("courseOfferings", UseCasePayloads.CourseOffering("THEIRS", "FX-CNA", 48856, 9999, Year)),
        ]);

        state.DataSet(Year, 48856).Records("courseOfferings").Select(o => o.Body["localCourseCode"]!.GetValue<string>()).Should().Equal("OURS");
        state.Records(Year, "courseOfferings").Should().HaveCount(2, "both are stored; only reading is filtered");

        static JsonObject School(long schoolId, long lea) => new()
        {
            ["schoolId"] = schoolId,
            ["nameOfInstitution"] = "School " + schoolId,
            ["localEducationAgencyReference"] = new JsonObject { ["localEducationAgencyId"] = lea },
        };
    }
}
