using System.Collections.Concurrent;
using WisCte.EdFi.Model;
using WisCte.Journal;

namespace WisCte.Certification;

/// <summary>
/// The journal read for judging, its entries prepared ahead of the judgement on the other cores: each entry parsed into
/// an <see cref="Exchange"/> and each accepted write bound, keyed and put in the form the final state keeps
/// (<see cref="Exchange.Written"/>). That work depends on the entry alone, so batches of it run in parallel while the
/// judgement applies earlier entries in order; what depends on order (the final state, the rules) stays on one thread.
/// A few batches are in flight at once, so memory does not grow with the journal.
/// </summary>
internal static class ExchangePipeline
{
    private const int BatchSize = 64;
    private const int BatchesAhead = 2;

    /// <summary>
    /// The exchanges, in the journal's order. A line the journal cannot read throws its own exception (naming the line)
    /// once the batches before it have been handed over, and ends the judgement; a consumer that stops early stops the
    /// reading.
    /// </summary>
    public static IEnumerable<Exchange> Read(IEnumerable<JournalEntry> journal, SchoolYear defaultYear, SchemaCatalog schema)
    {
        using var batches = new BlockingCollection<Exchange[]>(BatchesAhead);
        using var stop = new CancellationTokenSource();
        var producer = Task.Run(() => Produce(journal, defaultYear, schema, batches, stop.Token));
        var finished = false;
        try
        {
            foreach (var batch in batches.GetConsumingEnumerable())
            {
                foreach (var exchange in batch)
                    yield return exchange;
            }
            finished = true;
        }
        finally
        {
            stop.Cancel();
            try
            {
                producer.GetAwaiter().GetResult();
            }
            catch (Exception) when (!finished)
            {
                // The consumer stopped first: what went wrong after it stopped reading is not its concern.
            }
        }
    }

    private static void Produce(IEnumerable<JournalEntry> journal, SchoolYear defaultYear, SchemaCatalog schema, BlockingCollection<Exchange[]> batches, CancellationToken stop)
    {
        try
        {
            foreach (var entries in journal.Chunk(BatchSize))
            {
                var batch = new Exchange[entries.Length];
                Parallel.For(0, entries.Length, new ParallelOptions { CancellationToken = stop }, i =>
                {
                    var exchange = new Exchange(entries[i], defaultYear);
                    if (exchange.IsAcceptedWrite)
                        exchange.Written(schema);
                    batch[i] = exchange;
                });
                batches.Add(batch, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The consumer stopped reading.
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            // What went wrong preparing an entry, as reading it on one thread would have thrown it.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }
        finally
        {
            batches.CompleteAdding();
        }
    }
}
