"""The seed sample: play a prompt, then wait until 5 digits are pressed; stop gathering
if * is pressed, or if 7 seconds pass with no digit pressed.

    python samples/create_gather.py            # on the embedded sandbox: presses 12345
    BANDWIDTH_USER_ID=u-... BANDWIDTH_API_TOKEN=t-... BANDWIDTH_API_SECRET=... \\
        python samples/create_gather.py c-...  # on the real API, on your active call
"""

from _common import run

OPTIONS = {                                    # exactly as the official JS sample writes them
    "maxDigits": "5",
    "terminatingDigits": "*",
    "interDigitTimeout": "7",
    "prompt": {"sentence": "Please enter your 5 digit code"},
}


def caller(sandbox, call, gather):
    print("  the caller presses 1 2 3 4 5")
    sandbox.press(call.id, "12345", interval=0.2)


if __name__ == "__main__":
    run("Gather 5 digits", OPTIONS, caller)
