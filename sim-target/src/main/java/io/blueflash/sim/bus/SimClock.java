package io.blueflash.sim.bus;

import java.util.PriorityQueue;

/**
 * The simulator's one clock, in nanoseconds of simulated time (DESIGN §3). Nothing in the sim
 * sleeps: every SWD bit, UART byte, USB round trip, flash BSY period and executed instruction
 * advances this clock.
 *
 * <p>Two things hang off it. <b>Timed events</b> ({@link #schedule}): a peripheral that changes
 * state at a future instant (RCC ready flags, a USART byte leaving the shifter, a SysTick reload,
 * the IWDG expiring) schedules an action; the clock fires due actions in time order, with
 * {@link #nanos()} reading the event's instant while it runs. <b>A runner</b> ({@link #setRunner}):
 * the executing core. Whatever advances the clock from outside the core (a debugger's SWD bits,
 * a UART byte) first lets the runner execute the matching cycles, so a debugger polling DHCSR sees
 * a loader finish when silicon would. Inside the runner, advancing the clock only moves time and
 * fires events (no recursion).
 *
 * <p>Not thread-safe: one simulated chip is driven by one thread at a time.
 */
public final class SimClock {

    /** The executing core: runs until the clock reaches {@code targetNanos} or it cannot run any further. */
    @FunctionalInterface
    public interface Runner {
        /**
         * Executes instructions, advancing this clock as it goes, until {@link #nanos()} reaches
         * {@code targetNanos} or the core stops (halted, asleep with no event due, in reset,
         * locked up). The clock then moves the rest of the way itself, firing events.
         */
        void runUntil(long targetNanos);
    }

    /** A scheduled action; {@link #cancel()} it when the state that scheduled it changes. */
    public static final class Event implements Comparable<Event> {
        private final long at;
        private final long sequence;
        private final Runnable action;
        private boolean cancelled;

        private Event(long at, long sequence, Runnable action) {
            this.at = at;
            this.sequence = sequence;
            this.action = action;
        }

        public long at() {
            return at;
        }

        public void cancel() {
            cancelled = true;
        }

        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(at, other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private long nanos;
    private long sequence;
    private Runner runner;
    private boolean running;

    public long nanos() {
        return nanos;
    }

    public void advance(long deltaNanos) {
        if (deltaNanos < 0) {
            throw new IllegalArgumentException("time cannot go backwards: " + deltaNanos + " ns");
        }
        advanceTo(nanos + deltaNanos);
    }

    /**
     * Moves the clock forward to {@code targetNanos} if it is in the future: the runner (if any,
     * and if not already running) executes up to that instant first; due events fire in order.
     */
    public void advanceTo(long targetNanos) {
        if (targetNanos <= nanos) {
            return;
        }
        if (runner != null && !running) {
            running = true;
            try {
                runner.runUntil(targetNanos);
            } finally {
                running = false;
            }
        }
        fireUpTo(targetNanos);
        if (targetNanos > nanos) {
            nanos = targetNanos;
        }
    }

    /** Fires every event due at or before {@code targetNanos}, each at its own instant; time ends at the last one fired. */
    private void fireUpTo(long targetNanos) {
        Event next;
        while ((next = events.peek()) != null && next.at <= targetNanos) {
            events.poll();
            if (next.cancelled) {
                continue;
            }
            if (next.at > nanos) {
                nanos = next.at;
            }
            next.action.run();
        }
    }

    /** Runs {@code action} when the clock reaches {@code atNanos} (at once, on the next advance, if that is not in the future). */
    public Event schedule(long atNanos, Runnable action) {
        Event event = new Event(Math.max(atNanos, nanos), sequence++, action);
        events.add(event);
        return event;
    }

    /** The instant of the earliest pending event, or {@link Long#MAX_VALUE} if none. */
    public long nextEventNanos() {
        Event next;
        while ((next = events.peek()) != null && next.cancelled) {
            events.poll();
        }
        return next == null ? Long.MAX_VALUE : next.at;
    }

    /** Installs the executing core (null removes it). */
    public void setRunner(Runner runner) {
        this.runner = runner;
    }

    /** True while the runner is executing (advances then only move time and fire events). */
    public boolean isRunnerActive() {
        return running;
    }
}
