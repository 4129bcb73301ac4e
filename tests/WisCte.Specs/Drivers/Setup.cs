using WisCte.EdFi;

namespace WisCte.Specs.Drivers;

/// <summary>
/// The two ways a step makes a request, in the manner of Reqnroll's ReqOverflow sample (its ActionAttempt): a Given
/// arranges, and a refusal stops the scenario at that step, naming WISEdata's answer; a When acts, and its answer is
/// kept (<see cref="SisDriver.Last"/>) for the Then steps to judge.
/// </summary>
public static class Setup
{
    /// <summary>For a Given: anything but success throws, naming what was arranged and how WISEdata answered.</summary>
    public static async Task Succeeds(Task<EdFiResponse> attempt, string what)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        Succeeded(await attempt, what);
    }

    /// <summary>For a Given whose answer is at hand.</summary>
    public static void Succeeded(EdFiResponse response, string what)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsSuccess)
            throw new SetupRefusedException($"The set-up was refused: {what}: {response}");
    }
}

/// <summary>A Given step WISEdata refused: the scenario cannot test what it is about.</summary>
public sealed class SetupRefusedException(string message) : Exception(message);
