namespace WisCte.TestSupport;

/// <summary>
/// A clock on which every wait ends at once, time jumping forward by the wait: code that waits on a TimeProvider runs
/// at full speed, and a test reads how long it asked to wait (<see cref="Waits"/>) and what time it is. <see cref="Advance"/>
/// moves time without a wait.
/// </summary>
public sealed class InstantClock : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);

    public List<TimeSpan> Waits { get; } = [];

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
            return _now;
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
            _now += by;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
            return System.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            Waits.Add(dueTime);
            _now += dueTime;
        }
        return System.CreateTimer(callback, state, TimeSpan.Zero, Timeout.InfiniteTimeSpan);
    }
}
