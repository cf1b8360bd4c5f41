"""Stopping a gather from the application (Ruby's update_gather, gather.stop() here).

The API documents no gather event for a stopped gather, so this flow reads the gather
back instead.

    python samples/gather_stop.py                       # on the embedded sandbox
"""

import sys

import catapult
from catapult.sandbox import Sandbox


def main() -> None:
    with Sandbox() as sandbox, sandbox.client() as client:
        print("Stop a running gather (on the embedded sandbox)")
        call = client.Call.create(from_="+19195551212", to="+19195551213")
        sandbox.answer(call.id)
        gather = call.create_gather(max_digits=5, prompt={"sentence": "Enter your code"})
        print(f"  gather {gather.id} started; the caller presses 3")
        sandbox.press(call.id, "3")
        gather.stop()                                   # POST .../gather/{id} {"state":"completed"}
        stopped = gather.refresh()
        print(f"stopped: state={stopped.state} digits={stopped.digits!r} "
              f"reason={stopped.reason}")
        assert stopped.state is catapult.GatherState.COMPLETED


if __name__ == "__main__":
    if len(sys.argv) > 1:
        sys.exit("this sample runs on the embedded sandbox only")
    main()
