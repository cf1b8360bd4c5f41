"""A gather ended because the caller hung up halfway through.

    python samples/gather_hang_up.py                    # on the embedded sandbox
"""

from _common import run

OPTIONS = {"max_digits": 5, "prompt": {"sentence": "Please enter your 5 digit code"}}


def caller(sandbox, call, gather):
    print("  the caller presses 9 8, then hangs up")
    sandbox.press(call.id, "98")
    sandbox.hang_up(call.id)


if __name__ == "__main__":
    run("Gather, then a hang-up", OPTIONS, caller)
