package ai.agentlens.core.llm;

import ai.agentlens.core.error.StorageUnavailableException;
import ai.agentlens.core.event.Event;
import ai.agentlens.core.event.EventBatch;
import ai.agentlens.core.event.EventType;
import ai.agentlens.core.ingest.StoredEventsListener;
import ai.agentlens.core.json.JsonObject;
import ai.agentlens.core.port.llm.LlmCallWrite;
import ai.agentlens.core.port.llm.LlmHalfWrite;
import ai.agentlens.core.port.llm.LlmLogInbox;
import ai.agentlens.core.port.llm.LlmRequestStatus;
import ai.agentlens.core.port.llm.LlmResponseWrite;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pairs stored {@code llm_call} / {@code llm_response} events by {@code callId} into the LLM
 * request log and scores them (seed 003 R3). Its input is the {@link LlmLogInbox}, which the event
 * store fills in the transactions that store the events, so nothing is lost when the recorder falls
 * behind or the process stops: notes wait until a recorder (this process's or another's) has
 * written their events. Told about every committed batch, it only wakes its thread; the thread
 * takes up to {@value #MAX_RUN} noted events of one org as one run (one transaction, at background
 * priority where the store has a single writer), then settles the notes, round-robin over the orgs
 * with notes. A response noted later than its call completes the row the call made; a note read
 * twice rewrites the same rows. The events were masked and redacted before they were stored, so the
 * stored and indexed texts are too. A failed write is counted and logged without the text, and its
 * note settled. Thread-safe.
 */
public final class LlmRequestRecorder implements StoredEventsListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LlmRequestRecorder.class);

  // why: a run is one unit on SQLite's single writer (~10 ms); larger runs log faster when the
  // writer is idle but hold up the ingest groups that arrive meanwhile for longer
  static final int MAX_RUN = 256;
  private static final int ORGS_PER_PASS = 1000;

  private final LlmRequestLog log;
  private final LlmLogInbox inbox;
  private final BlockingQueue<Boolean> wake = new ArrayBlockingQueue<>(1);
  private final AtomicLong recorded = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean running;
  private volatile Thread thread;

  /**
   * Creates the recorder; {@link #start} runs it.
   *
   * @param log where pairs go
   * @param inbox the noted LLM events
   */
  public LlmRequestRecorder(LlmRequestLog log, LlmLogInbox inbox) {
    this.log = log;
    this.inbox = inbox;
  }

  /**
   * Opens the inbox (appends note their LLM events from now on) and starts the writer thread
   * (once). Notes written before, by this process or another, are logged too.
   *
   * @param threads makes the thread
   */
  public synchronized void start(ThreadFactory threads) {
    if (running) {
      return;
    }
    inbox.open(true);
    running = true;
    Thread t = threads.newThread(this::loop);
    thread = t;
    t.start();
  }

  /**
   * Stops the thread. The inbox stays open: what is stored until the process stops is noted and
   * logged by the next recorder.
   */
  @Override
  public synchronized void close() {
    running = false;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  @Override
  public void stored(List<EventBatch> batches) {
    for (EventBatch b : batches) {
      for (Event e : b.events()) {
        if (e.eventType() == EventType.LLM_CALL || e.eventType() == EventType.LLM_RESPONSE) {
          wake.offer(Boolean.TRUE);
          return;
        }
      }
    }
  }

  /**
   * Counts so far: LLM events written to the log, events whose write failed.
   *
   * @return {@code [recorded, failed]}
   */
  public long[] counts() {
    return new long[] {recorded.get(), failed.get()};
  }

  /**
   * Logs what the inbox holds now, on the caller's thread, until it is empty or {@code maxRuns}
   * runs are done (tests and benchmarks call it; the thread does the same).
   *
   * @param maxRuns most runs, &gt; 0
   * @return the LLM events written
   */
  public int drain(int maxRuns) {
    int written = 0;
    int runs = 0;
    while (runs < maxRuns) {
      int pass = 0;
      List<String> orgs = new ArrayList<>(inbox.orgs(ORGS_PER_PASS));
      // why: recorders of several processes read the same inbox; in random order they mostly work
      // on different orgs (two on one org only repeat idempotent writes)
      Collections.shuffle(orgs);
      for (String org : orgs) {
        List<LlmLogInbox.Note> notes = inbox.next(org, MAX_RUN);
        if (notes.isEmpty()) {
          continue;
        }
        List<Event> events = new ArrayList<>();
        List<Long> seqs = new ArrayList<>(notes.size());
        for (LlmLogInbox.Note n : notes) {
          events.addAll(n.events());
          seqs.add(n.seq());
        }
        int w = recordAll(events);
        inbox.settle(org, seqs);
        recorded.addAndGet(w);
        written += w;
        pass++;
        if (++runs >= maxRuns) {
          break;
        }
      }
      if (pass == 0) {
        break;
      }
    }
    return written;
  }

  /**
   * Writes one event's half now, on the caller's thread (tests and benchmarks call it directly).
   *
   * @param e an {@code llm_call} or {@code llm_response} event
   * @return whether it was an LLM event with a call id
   */
  public boolean record(Event e) {
    LlmHalfWrite h = half(e);
    if (h == null) {
      return false;
    }
    log.recordAll(List.of(h));
    return true;
  }

  /**
   * Writes a run of events at once (the worker thread's step): one transaction per org for the
   * halves and one for their scores. When that fails, each event is written alone, so one bad event
   * costs only itself.
   *
   * @param events LLM events in arrival order
   * @return how many were LLM events with a call id, written
   */
  public int recordAll(List<Event> events) {
    List<LlmHalfWrite> halves = new ArrayList<>(events.size());
    for (Event e : events) {
      LlmHalfWrite h = half(e);
      if (h != null) {
        halves.add(h);
      }
    }
    try {
      log.recordAll(halves);
      return halves.size();
    } catch (StorageUnavailableException down) {
      // why: nothing is wrong with the events; their notes stay and are logged once storage is back
      throw down;
    } catch (RuntimeException batchFailed) {
      int written = 0;
      for (Event e : events) {
        try {
          written += record(e) ? 1 : 0;
        } catch (StorageUnavailableException down) {
          throw down;
        } catch (RuntimeException ex) {
          failed.incrementAndGet();
          // why: the exception names the failure; the event's texts never reach the log
          LOG.warn(
              "LLM request log write failed for event {}: {}", e.id(), ex.getClass().getName());
        }
      }
      return written;
    }
  }

  private static LlmHalfWrite half(Event e) {
    JsonObject p = e.payload().tree();
    String callId = p.string("callId");
    if (callId == null || callId.isBlank()) {
      return null;
    }
    if (e.eventType() == EventType.LLM_CALL) {
      return new LlmCallWrite(
          e.orgId(),
          e.id(),
          callId,
          e.agentId(),
          e.sessionId(),
          p.string("provider"),
          p.string("model"),
          LlmTexts.prompt(p),
          e.timestamp(),
          "event");
    }
    if (e.eventType() != EventType.LLM_RESPONSE) {
      return null;
    }
    String finish = p.string("finishReason");
    return new LlmResponseWrite(
        e.orgId(),
        e.id(),
        callId,
        e.agentId(),
        e.sessionId(),
        p.string("provider"),
        p.string("model"),
        LlmTexts.response(p),
        "error".equals(finish) ? LlmRequestStatus.ERROR : LlmRequestStatus.SUCCESS,
        finish,
        LlmTexts.number(p, "latencyMs"),
        LlmTexts.tokens(p, "inputTokens"),
        LlmTexts.tokens(p, "outputTokens"),
        e.timestamp(),
        "event");
  }

  private void loop() {
    while (running) {
      try {
        if (drain(ORGS_PER_PASS) == 0) {
          // why: also wakes each second for notes this process was not told about (another
          // process's, or those left when the last one stopped)
          wake.poll(1, TimeUnit.SECONDS);
        }
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.warn("LLM request log: reading the inbox failed: {}", e.getClass().getName());
        try {
          Thread.sleep(1000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
