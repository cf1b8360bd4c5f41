"""A gather ended by a terminating digit: the caller types 42 then #, which is not kept.

    python samples/gather_terminating_digit.py          # on the embedded sandbox
"""

from _common import run

OPTIONS = {"max_digits": 10, "terminating_digits": "#", "inter_digit_timeout": 5,
           "prompt": {"sentence": "Enter your account number, then press pound"}}


def caller(sandbox, call, gather):
    print("  the caller presses 4 2 #")
    sandbox.press(call.id, "42#", interval=0.2)


if __name__ == "__main__":
    run("Gather until #", OPTIONS, caller)
