"""A gather ended by the inter-digit timeout: one digit, then silence for 1.5 seconds.

    python samples/gather_timeout.py                    # on the embedded sandbox
"""

from _common import run

OPTIONS = {"max_digits": 4, "inter_digit_timeout": 1.5,
           "prompt": {"sentence": "Enter your PIN"}}


def caller(sandbox, call, gather):
    print("  the caller presses 7, then nothing")
    sandbox.press(call.id, "7")


if __name__ == "__main__":
    run("Gather with a 1.5 s inter-digit timeout", OPTIONS, caller)
