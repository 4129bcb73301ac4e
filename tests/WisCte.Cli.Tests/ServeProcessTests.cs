using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using FluentAssertions;
using NUnit.Framework;
using WisCte.TestSupport;

namespace WisCte.Cli.Tests;

/// <summary>`wiscte serve` as a user runs it: a real process, its printed URLs, Ctrl-C/SIGTERM, its journal file.</summary>
[Category("cli")]
public sealed class ServeProcessTests
{
    [Test]
    public async Task Serve_prints_where_it_listens_answers_requests_keeps_the_journal_and_stops_on_sigterm()
    {
        var journal = Path.Combine(Path.GetTempPath(), $"wiscte-serve-{Guid.NewGuid():N}.ndjson");
        using var serve = await ListeningWiscte.StartAsync("serve", "--port", "0", "--client-id", "vendor-sis", "--client-secret", "vendor-s3cret",
            "--school-year", "2026", "--journal", journal, "--fault", "503:POST:students:1");
        var baseUrl = serve.BaseUrl;
        using var http = new HttpClient();
        (await http.GetAsync(new Uri(baseUrl + "/"))).IsSuccessStatusCode.Should().BeTrue();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = "client_credentials", ["client_id"] = "vendor-sis", ["client_secret"] = "vendor-s3cret",
        });
        var token = JsonNode.Parse(await (await http.PostAsync(new Uri(baseUrl + "/oauth/token"), form)).Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var student = new StringContent("""{"studentUniqueId":"700001","firstName":"Ada","lastSurname":"Fictional","birthDate":"2009-02-03"}""", Encoding.UTF8, "application/json");
        ((int)(await http.PostAsync(new Uri(baseUrl + "/data/v3/ed-fi/students"), student)).StatusCode).Should().Be(503, "the --fault applies");
        ((int)(await http.PostAsync(new Uri(baseUrl + "/data/v3/ed-fi/students"), student)).StatusCode).Should().Be(201);
        File.ReadAllLines(journal).Should().HaveCountGreaterThanOrEqualTo(4, "the journal file is written as requests arrive");

        using (Process.Start("kill", ["-TERM", serve.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
        }
        var exitCode = await serve.WaitForExitAsync(TimeSpan.FromSeconds(30));

        exitCode.Should().Be(0, serve.Output);
        var printed = serve.Output;
        printed.Should().Contain("token URL:  " + baseUrl + "/oauth/token").And.Contain("client id:  vendor-sis (LEA 48856)")
            .And.Contain("Stopped after").And.NotContain("vendor-s3cret", "a secret the user chose is never printed");
        File.ReadAllText(journal).Should().NotContain("vendor-s3cret").And.NotContain(token);
        File.Delete(journal);
    }

    [Test]
    public async Task A_bad_setting_exits_2_with_a_message_and_no_stack_trace()
    {
        var (exitCode, _, error) = await WiscteProcess.RunAsync("serve", "--port", "70000");

        exitCode.Should().Be(2);
        error.Should().Contain("--port 70000 is not a port number").And.NotContain("   at ");
    }
}
