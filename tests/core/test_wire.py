"""The wire: typed commands that both engines obey, whole messages over a byte stream, nothing else taken."""

import dataclasses
import io
import queue
import threading

import pytest

from epochviz.core.engine import wire
from epochviz.core.engine.compare_engine import CompareEngine
from epochviz.core.engine.loop import serve
from epochviz.core.engine.session import Chunk, RunConfig, TrainingEngine
from epochviz.core.engine.wire import (
    HEARTBEAT,
    STOP,
    Channel,
    Configure,
    Pause,
    PauseAt,
    Play,
    Speed,
    Step,
    StepEpoch,
    apply,
)

SMALL = RunConfig(samples=100, batch_size=10, epochs=3)


def test_unknown_commands_are_refused():
    with pytest.raises(ValueError, match="unknown command"):
        apply(("fly",), TrainingEngine())  # an untyped tuple is not a command any more


def test_commands_and_messages_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Step(3).n = 4
    with pytest.raises(dataclasses.FrozenInstanceError):
        Chunk(1, "paused").state = "playing"


def run_until_idle(engine):
    while engine.busy:
        engine.run(0.0, 10.0)


@pytest.mark.parametrize("engine, config", [(TrainingEngine(), SMALL), (CompareEngine(), (SMALL, SMALL))],
                         ids=["single", "compare"])
def test_both_engines_obey_every_command(engine, config):
    apply(Configure(config, 7), engine)
    apply(Speed(None), engine)
    apply(Step(3), engine)
    run_until_idle(engine)
    apply(StepEpoch(), engine)
    run_until_idle(engine)
    chunk = engine.take_chunk()
    assert chunk.run_id == 7 and chunk.state == "paused" and len(chunk) == 10 * (1 if config is SMALL else 2)
    apply(Play(), engine)
    assert engine.state == "playing"
    apply(Pause(), engine)
    assert engine.state == "paused"
    apply(PauseAt(1), engine)  # run already: it stays paused
    assert engine.state == "paused"


def test_a_channel_carries_whole_typed_messages_both_ways():
    stream = io.BytesIO()
    sender = Channel(None, stream)
    for message in (Configure(SMALL, 3), HEARTBEAT, STOP, Chunk(3, "paused")):
        sender.send(message)
    stream.seek(0)
    receiver = Channel(stream, None)
    got = [receiver.receive() for _ in range(4)]
    assert got[:3] == [Configure(SMALL, 3), HEARTBEAT, STOP]
    assert isinstance(got[3], Chunk) and got[3].run_id == 3
    with pytest.raises(EOFError):
        receiver.receive()


def test_the_loop_sends_the_chunks_of_its_commands_and_ends_at_stop():
    inbox, sent = queue.Queue(), queue.Queue()
    loop = threading.Thread(target=serve, args=(inbox, sent.put))
    loop.start()
    inbox.put(Configure(SMALL, 1))
    inbox.put(Step(5))
    chunks = [sent.get(timeout=10)]
    while sum(len(c) for c in chunks) < 5:
        chunks.append(sent.get(timeout=10))
    inbox.put(STOP)
    loop.join(10)
    assert not loop.is_alive()
    assert sum(len(c) for c in chunks) == 5 and all(c.run_id == 1 for c in chunks)


def test_the_protocol_names_its_engines():
    assert set(wire.ENGINES) == {"single", "compare"}
