"""Start the seed's gather on an active call: wait for 5 digits, stop on * or after 7 s.

    BANDWIDTH_USER_ID=u-... BANDWIDTH_API_TOKEN=t-... BANDWIDTH_API_SECRET=... \
        python samples/create_gather.py c-your-active-call-id
"""

from __future__ import annotations

import sys

import catapult


def main(call_id: str) -> None:
    with catapult.Client.from_env() as client:
        call = client.Call(call_id)
        gather = call.create_gather({
            "maxDigits": "5",
            "terminatingDigits": "*",
            "interDigitTimeout": "7",
            "prompt": {"sentence": "Please enter your 5 digit code"},
        })
        print(f"gather {gather.id} started on call {call.id}")


if __name__ == "__main__":
    main(sys.argv[1])
