using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Simulator.Tests.Support;

namespace WisCte.Simulator.Tests;

/// <summary>
/// What a GET answers as the ODS/API does: unknown query keys ignored, the ODS's query-parameter names, the
/// Total-Count header, and a <c>link</c> on every reference object that names and locates the record it points at.
/// </summary>
public sealed class QueryAndLinkTests : SimulatorTestBase
{
    private static IEnumerable<string> Ids(ApiResponse response)
    {
        response.Code.Should().Be(200, response.Text);
        return response.Json!.AsArray().Select(r => r!["id"]!.GetValue<string>());
    }

    private async Task<string> StudentWithSurnameAsync(string surname)
    {
        var student = Student(NewStudentId());
        student["lastSurname"] = surname;
        (await Lea.PostAsync("students", student)).Code.Should201();
        var id = student["studentUniqueId"]!.GetValue<string>();
        await EnrolAsync(Lea, id); // a SIS key lists the students enrolled at its schools
        return id;
    }

    // ---- unknown query keys ----

    [Test]
    public async Task An_unknown_query_key_is_ignored_and_the_same_records_come_back()
    {
        var surname = "Unknown" + NewStudentId();
        await StudentWithSurnameAsync(surname);
        await StudentWithSurnameAsync(surname);

        var plain = Ids(await Lea.GetAsync("students", $"lastSurname={surname}")).ToList();
        var withUnknown = Ids(await Lea.GetAsync("students", $"lastSurname={surname}&favouriteColour=blue&programTypeDescriptor_KEEP_IT_AT_THE_END=x")).ToList();

        plain.Should().HaveCount(2);
        withUnknown.Should().Equal(plain);
        Ids(await Lea.GetAsync("students", $"lastSurname={surname}&firstName=Someone-else")).Should()
            .BeEmpty("a key the resource has still filters, so the unknown one was ignored, not every key");
    }

    [Test]
    public async Task An_unknown_query_key_on_a_descriptor_resource_is_ignored()
    {
        const string query = "namespace=uri://dpi.wi.gov/ProgramTypeDescriptor";
        var plain = await Lea.GetAsync("programTypeDescriptors", query);
        var withUnknown = await Lea.GetAsync("programTypeDescriptors", query + "&favouriteColour=blue");

        withUnknown.Code.Should().Be(200, withUnknown.Text);
        Ids(withUnknown).Should().Equal(Ids(plain)).And.HaveCountGreaterThan(1);
        Ids(await Lea.GetAsync("programTypeDescriptors", query + "&codeValue=IRC")).Should().ContainSingle("codeValue is a descriptor's query key");
    }

    [Test]
    public async Task A_known_key_with_a_value_of_the_wrong_type_is_still_400()
    {
        var response = await Lea.GetAsync("studentSectionAssociations", "schoolYear=next&favouriteColour=blue");

        response.Code.Should().Be(400);
        response.ProblemType.Should().Be("urn:ed-fi:api:bad-request:parameter-validation-failed");
        response.Json!["errors"]![0]!.GetValue<string>().Should().Be("The value 'next' is not valid for SchoolYear.");
    }

    // ---- query-parameter names ----

    [Test]
    public async Task Education_organization_id_queries_the_associations_own_education_organization_not_the_programs()
    {
        var student = await EnrolledStudentAsync(Lea);
        (await Lea.PostAsync("studentCTEProgramAssociations", Payloads.CteAssociation(student, 2026))).Code.Should201();

        Ids(await Lea.GetAsync("studentCTEProgramAssociations", $"studentUniqueId={student}&educationOrganizationId={PublicSchool}")).Should().ContainSingle();
        Ids(await Lea.GetAsync("studentCTEProgramAssociations", $"studentUniqueId={student}&educationOrganizationId={LeaId}")).Should()
            .BeEmpty("48856 is the program's education organization, which the ODS queries as programEducationOrganizationId");
    }

    [Test]
    public async Task School_year_on_grades_finds_the_grade_and_a_wrong_year_finds_none()
    {
        var student = await EnrolledStudentAsync(Lea);
        (await Lea.PostAsync("studentSectionAssociations", Payloads.StudentSectionAssociation(student))).Code.Should201();
        (await Lea.PostAsync("grades", Payloads.Grade(student, "A"))).Code.Should201();

        Ids(await Lea.GetAsync("grades", $"studentUniqueId={student}&schoolYear=2026")).Should().ContainSingle();
        Ids(await Lea.GetAsync("grades", $"studentUniqueId={student}&schoolYear=2025")).Should().BeEmpty();
    }

    /// <summary>
    /// The role-named keys over HTTP, once fixtures/edfi/resources.json gives the members their <c>queryName</c>.
    /// <see cref="QueryNameTests"/> covers them now, with a catalogue that has them.
    /// </summary>
    [TestCase("studentCTEProgramAssociations", "programReference", "educationOrganizationId", "programEducationOrganizationId")]
    [TestCase("studentProgramAssociations", "programReference", "educationOrganizationId", "programEducationOrganizationId")]
    [TestCase("grades", "gradingPeriodReference", "schoolYear", "gradingPeriodSchoolYear")]
    public async Task A_role_named_query_parameter_finds_its_record_and_a_wrong_value_none(string endpoint, string reference, string member, string queryName)
    {
        var declared = Simulator.State.Schema.Find(endpoint)!.Root.Properties[reference].Properties[member].QueryName;
        if (declared is null)
            Assert.Ignore($"fixtures/edfi/resources.json does not yet give {endpoint} {reference}.{member} the queryName '{queryName}'.");
        declared.Should().Be(queryName);

        var student = await EnrolledStudentAsync(Lea);
        var (right, wrong) = await RecordForAsync(endpoint, student);

        Ids(await Lea.GetAsync(endpoint, $"studentUniqueId={student}&{queryName}={right}")).Should().ContainSingle();
        Ids(await Lea.GetAsync(endpoint, $"studentUniqueId={student}&{queryName}={wrong}")).Should().BeEmpty();
    }

    /// <summary>Posts one record of the resource for the student; the right and a wrong value of its role-named key.</summary>
    private async Task<(string Right, string Wrong)> RecordForAsync(string endpoint, string student)
    {
        switch (endpoint)
        {
            case "grades":
                (await Lea.PostAsync("studentSectionAssociations", Payloads.StudentSectionAssociation(student))).Code.Should201();
                (await Lea.PostAsync("grades", Payloads.Grade(student, "B"))).Code.Should201();
                return ("2026", "2025");
            case "studentProgramAssociations":
                (await Lea.PostAsync(endpoint, ProgramAssociation(student))).Code.Should201();
                return ("48856", "7525");
            default:
                (await Lea.PostAsync(endpoint, Payloads.CteAssociation(student, 2026))).Code.Should201();
                return ("48856", "7525");
        }
    }

    private static JsonObject ProgramAssociation(string student) => new()
    {
        ["educationOrganizationReference"] = new JsonObject { ["educationOrganizationId"] = PublicSchool },
        ["programReference"] = Payloads.ProgramReference("CTE", "Career and Technical Education"),
        ["studentReference"] = new JsonObject { ["studentUniqueId"] = student },
        ["beginDate"] = "2025-08-26",
    };

    // ---- Total-Count ----

    [Test]
    public async Task Total_count_is_every_matching_record_not_the_page_and_absent_unless_asked_for()
    {
        var surname = "Counted" + NewStudentId();
        for (var i = 0; i < 7; i++)
            await StudentWithSurnameAsync(surname);
        await StudentWithSurnameAsync("Not" + surname);

        var page = await Lea.GetAsync("students", $"lastSurname={surname}&limit=3&offset=2&totalCount=true");

        Ids(page).Should().HaveCount(3);
        page.Header("Total-Count").Should().Be("7");
        (await Lea.GetAsync("students", $"lastSurname={surname}&limit=3&totalCount=false")).Header("Total-Count").Should().BeNull();
        (await Lea.GetAsync("students", $"lastSurname={surname}&limit=3")).Header("Total-Count").Should().BeNull();
    }

    [Test]
    public async Task Paging_through_a_resource_sees_a_write_made_between_pages()
    {
        // The store keeps a read's matches between pages (so a page costs O(page)); any write must end that.
        var surname = "Paged" + NewStudentId();
        for (var i = 0; i < 4; i++)
            await StudentWithSurnameAsync(surname);
        var first = Ids(await Lea.GetAsync("students", $"lastSurname={surname}&limit=2&offset=0"));

        await StudentWithSurnameAsync(surname);
        var rest = Ids(await Lea.GetAsync("students", $"lastSurname={surname}&limit=10&offset=2"));

        first.Should().HaveCount(2);
        rest.Should().HaveCount(3, "the fifth student was written after the first page").And.NotIntersectWith(first);
    }

    // ---- reference links ----

    /// <summary>The link must name the referenced resource and GET the very record the reference's key names.</summary>
    private async Task ShouldLinkAsync(JsonNode? reference, string rel, string endpoint, string keyMember, JsonNode expectedKey)
    {
        var link = reference!["link"];
        link.Should().NotBeNull($"every reference object carries a link: {reference.ToJsonString()}");
        link!["rel"]!.GetValue<string>().Should().Be(rel);
        var href = link["href"]!.GetValue<string>();
        href.Should().MatchRegex($"^/ed-fi/{endpoint}/[0-9a-f]{{32}}$");

        var target = await Lea.SendAsync(HttpMethod.Get, "data/v3" + href, null);
        target.Code.Should().Be(200, target.Text);
        JsonNode.DeepEquals(KeyOf(target.Json!, keyMember), expectedKey).Should().BeTrue($"{href} is the record the reference names ({expectedKey.ToJsonString()})");
    }

    private static JsonNode? KeyOf(JsonNode record, string path) =>
        path.Split('.').Aggregate<string, JsonNode?>(record, (node, name) => node?[name]);

    [Test]
    public async Task A_school_reference_links_to_the_school_on_get_by_id_and_get_many()
    {
        var student = await EnrolledStudentAsync(Lea);
        var enrolment = (await Lea.GetAsync("studentSchoolAssociations", $"studentUniqueId={student}")).Json![0]!;

        await ShouldLinkAsync(enrolment["schoolReference"], "School", "schools", "schoolId", JsonValue.Create(PublicSchool));
        await ShouldLinkAsync(enrolment["studentReference"], "Student", "students", "studentUniqueId", JsonValue.Create(student));
        var byId = (await Lea.GetAsync("studentSchoolAssociations/" + enrolment["id"]!.GetValue<string>())).Json!;
        byId["schoolReference"]!["link"]!.ToJsonString().Should().Be(enrolment["schoolReference"]!["link"]!.ToJsonString());
    }

    [Test]
    public async Task An_education_organization_reference_links_to_a_school_or_an_lea_by_what_it_points_at()
    {
        var student = await EnrolledStudentAsync(Lea);
        var created = await Lea.PostAsync("studentCTEProgramAssociations", Payloads.CteAssociation(student, 2026));
        created.Code.Should201();
        var association = (await Lea.GetAsync("studentCTEProgramAssociations/" + created.Id)).Json!;

        await ShouldLinkAsync(association["educationOrganizationReference"], "School", "schools", "schoolId", JsonValue.Create(PublicSchool));
        await ShouldLinkAsync(association["programReference"], "Program", "programs", "programName", JsonValue.Create("Career and Technical Education"));

        var program = (await Lea.GetAsync("programs", $"programName={Uri.EscapeDataString("Career and Technical Education")}&educationOrganizationId={LeaId}")).Json![0]!;
        await ShouldLinkAsync(program["educationOrganizationReference"], "LocalEducationAgency", "localEducationAgencies", "localEducationAgencyId", JsonValue.Create(LeaId));
    }

    [Test]
    public async Task A_reference_inside_a_collection_links_too()
    {
        var student = await EnrolledStudentAsync(Lea);
        var body = Payloads.StudentSectionAssociation(student, "CNA");
        body["programs"] = new JsonArray(new JsonObject { ["programReference"] = Payloads.ProgramReference("IRC", "IRC State Approved Business & Industry") });
        var created = await Lea.PostAsync("studentSectionAssociations", body);
        created.Code.Should201();

        var stored = (await Lea.GetAsync("studentSectionAssociations/" + created.Id)).Json!;

        await ShouldLinkAsync(stored["programs"]![0]!["programReference"], "Program", "programs", "programName", JsonValue.Create("IRC State Approved Business & Industry"));
        await ShouldLinkAsync(stored["sectionReference"], "Section", "sections", "sectionIdentifier", JsonValue.Create("CNA-01-2026"));
    }

    [Test]
    public async Task Links_do_not_depend_on_the_stored_resolution_lining_up_with_the_body()
    {
        var student = await EnrolledStudentAsync(Lea);
        var enrolment = (await Lea.GetAsync("studentSchoolAssociations", $"studentUniqueId={student}")).Json![0]!;
        var expected = new[] { enrolment["studentReference"]!["link"]!.ToJsonString(), enrolment["schoolReference"]!["link"]!.ToJsonString() };

        // The references the write resolved, listed in another order than the body's: each is then found by its key.
        var store = Simulator.State.Year(Year(2026))!;
        store.Atomically(s =>
        {
            var stored = s.ById(Guid.Parse(enrolment["id"]!.GetValue<string>()))!;
            s.Put(stored with { References = [.. stored.References.Reverse()] });
            return 0;
        });
        var again = (await Lea.GetAsync("studentSchoolAssociations/" + enrolment["id"]!.GetValue<string>())).Json!;

        new[] { again["studentReference"]!["link"]!.ToJsonString(), again["schoolReference"]!["link"]!.ToJsonString() }.Should().Equal(expected);
    }

    [Test]
    public async Task A_link_a_client_sends_is_ignored_neither_stored_nor_an_error()
    {
        var student = await EnrolledStudentAsync(Lea);
        var enrolment = (await Lea.GetAsync("studentSchoolAssociations", $"studentUniqueId={student}")).Json![0]!.AsObject();
        var serverLink = enrolment["schoolReference"]!["link"]!.ToJsonString();
        var etag = enrolment["_etag"]!.GetValue<string>();

        // What a client does: read, change, send it all back, the server's links and a made-up one included.
        var body = (JsonObject)enrolment.DeepClone();
        body["schoolReference"]!["link"] = new JsonObject { ["rel"] = "Bogus", ["href"] = "/ed-fi/schools/00000000000000000000000000000000" };
        body["studentReference"]!["Link"] = "not even an object";
        body["primarySchool"] = true;
        var put = await Lea.PutAsync("studentSchoolAssociations", enrolment["id"]!.GetValue<string>(), body);
        put.Code.Should().Be(204, put.Text);

        var after = (await Lea.GetAsync("studentSchoolAssociations/" + enrolment["id"]!.GetValue<string>())).Json!;
        after["primarySchool"]!.GetValue<bool>().Should().BeTrue();
        after["schoolReference"]!["link"]!.ToJsonString().Should().Be(serverLink, "the link is the server's, not the one sent");
        after["studentReference"]!.AsObject().Select(p => p.Key).Should().Equal("studentUniqueId", "link");

        // The same body again changes nothing: the links sent were not stored, so the stored data is as before.
        var again = await Lea.PutAsync("studentSchoolAssociations", enrolment["id"]!.GetValue<string>(), body);
        again.Header("ETag").Should().Be(put.Header("ETag"));
        put.Header("ETag").Should().NotBe($"\"{etag}\"");

        var posted = Payloads.StudentSectionAssociation(student);
        posted["sectionReference"]!["link"] = new JsonObject { ["rel"] = "Section", ["href"] = "/ed-fi/sections/0123456789abcdef0123456789abcdef" };
        var created = await Lea.PostAsync("studentSectionAssociations", posted);
        created.Code.Should201();
        var section = (await Lea.GetAsync("studentSectionAssociations/" + created.Id)).Json!["sectionReference"]!;
        section["link"]!["href"]!.GetValue<string>().Should().NotEndWith("0123456789abcdef0123456789abcdef");
        await ShouldLinkAsync(section, "Section", "sections", "sectionIdentifier", JsonValue.Create("ENG9-01-2026"));
    }
}
