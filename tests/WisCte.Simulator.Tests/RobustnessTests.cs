using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.Simulator.Hosting;
using WisCte.Simulator.Tests.Support;

namespace WisCte.Simulator.Tests;

/// <summary>Bad input gets a 4xx problem-details answer naming the problem; concurrent writers never lose or half-apply a write.</summary>
public sealed class RobustnessTests : SimulatorTestBase
{
    protected override SimulatorOptions Options(SimulatorOptions defaults) => defaults with { MaxBodyBytes = 4096 };

    [Test]
    public async Task Malformed_json_is_400_naming_line_and_position()
    {
        var response = await Lea.PostRawAsync("students", "{\n  \"studentUniqueId\": \"1\",\n  \"firstName\": \n}");

        response.Code.Should().Be(400);
        response.ProblemType.Should().Be("urn:ed-fi:api:bad-request");
        response.Json!["errors"]![0]!.GetValue<string>().Should().Contain("not well-formed JSON at line 4");
    }

    [TestCase("[1, 2]", "must be a JSON object")]
    [TestCase("", "empty")]
    public async Task A_body_that_is_not_an_object_is_400(string body, string problem)
    {
        var response = await Lea.PostRawAsync("students", body);

        response.Code.Should().Be(400);
        response.Json!["errors"]![0]!.GetValue<string>().Should().Contain(problem);
    }

    [Test]
    public async Task Wrong_types_are_400_data_validation_failed_per_property()
    {
        var body = Student(NewStudentId());
        body["birthDate"] = "not a date";
        body["studentUniqueId"] = new JsonObject();
        var enrolment = new JsonObject
        {
            ["studentReference"] = new JsonObject { ["studentUniqueId"] = "x" },
            ["schoolReference"] = new JsonObject { ["schoolId"] = "seventy" },
            ["entryDate"] = "2025-08-26",
            ["entryGradeLevelDescriptor"] = "Ninth grade",
            ["primarySchool"] = 2,
        };

        var student = await Lea.PostAsync("students", body);
        var school = await Lea.PostAsync("studentSchoolAssociations", enrolment);

        student.Code.Should().Be(400);
        student.ValidationMessages.Should().Contain(m => m.StartsWith("$.birthDate:", StringComparison.Ordinal))
            .And.Contain(m => m.StartsWith("$.studentUniqueId:", StringComparison.Ordinal));
        school.Code.Should().Be(400);
        school.ValidationMessages.Should().Contain(m => m.StartsWith("$.schoolReference.schoolId:", StringComparison.Ordinal))
            .And.Contain(m => m.Contains("a '#' is expected", StringComparison.Ordinal))
            .And.Contain(m => m.Contains("Unexpected value for boolean: 2", StringComparison.Ordinal));
    }

    [Test]
    public async Task A_missing_required_property_is_400_naming_it()
    {
        var body = Student(NewStudentId());
        body.Remove("lastSurname");

        var response = await Lea.PostAsync("students", body);

        response.Code.Should().Be(400);
        response.ValidationMessages.Should().Contain("$.lastSurname: LastSurname is required.");
    }

    [Test]
    public async Task An_oversized_body_is_413()
    {
        var body = Student(NewStudentId());
        body["middleName"] = new string('x', 5000);

        var response = await Lea.PostAsync("students", body);

        response.Code.Should().Be(413);
        response.Json!["errors"]![0]!.GetValue<string>().Should().Contain("4,096 bytes");
    }

    [Test]
    public async Task A_non_json_content_type_is_415()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{Simulator.BaseUrl}/data/v3/ed-fi/students"))
        {
            Content = new StringContent("studentUniqueId=1", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await Lea.TokenAsync());

        (await TestClient.SendRawAsync(Http, request)).Code.Should().Be(415);
    }

    [Test]
    public async Task Concurrent_writers_on_one_natural_key_make_one_record_with_one_201()
    {
        // A student's section association, not the student: every write after the first is an update, and a SIS key
        // updates only what it may read, here a student enrolled at one of its schools (an unenrolled student's
        // upserts are 403, as in the ODS).
        var id = await EnrolledStudentAsync(Lea);
        var writes = Enumerable.Range(0, 24).Select(i =>
        {
            var body = Payloads.StudentSectionAssociation(id);
            body["endDate"] = $"2026-05-{(i + 1).ToString("00", System.Globalization.CultureInfo.InvariantCulture)}";
            return Lea.PostAsync("studentSectionAssociations", body);
        });

        var responses = await Task.WhenAll(writes);

        responses.Select(r => r.Code).Should().OnlyContain(c => c == 200 || c == 201);
        responses.Count(r => r.Code == 201).Should().Be(1);
        responses.Select(r => r.Header("Location")).Distinct().Should().ContainSingle();
        var stored = (await Lea.GetAsync("studentSectionAssociations", $"studentUniqueId={id}")).Json!.AsArray();
        stored.Should().ContainSingle();
        responses.Select(r => r.Header("ETag")).Should().Contain($"\"{stored[0]!["_etag"]!.GetValue<string>()}\"", "the stored record is one of the writes, whole");
    }

    [Test]
    public async Task No_bad_request_in_this_class_produced_a_5xx()
    {
        await Malformed_json_is_400_naming_line_and_position();
        Simulator.Journal.Query().Should().NotContain(e => e.Status >= 500 && e.Fault == null);
    }
}
