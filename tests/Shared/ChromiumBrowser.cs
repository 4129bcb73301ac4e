using Microsoft.Playwright;

namespace WisCte.TestSupport;

/// <summary>
/// Debian's Chromium driven by Playwright (Playwright cannot download its own browser here). The flags keep it from
/// reaching for the network, which this machine refuses.
/// </summary>
public static class ChromiumBrowser
{
    private static readonly string[] Candidates = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("WISCTE_CHROMIUM") is { Length: > 0 } configured ? configured
        : Candidates.FirstOrDefault(File.Exists)
          ?? throw new FileNotFoundException(
              "Chromium was not found (looked for WISCTE_CHROMIUM, " + string.Join(", ", Candidates) + "). Install it with: apt-get install -y chromium");

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        return (playwright, browser);
    }
}
