"""Exercise solution: a future is completed once; a second try raises."""

import asyncio


async def main():
    loop = asyncio.get_running_loop()
    future = loop.create_future()

    def deliver():
        future.set_result("parcel")
        try:
            future.set_result("second parcel")
        except asyncio.InvalidStateError as error:
            print(f"second set_result() raised InvalidStateError: {error}")

    loop.call_later(2, deliver)
    print(f"main() got {await future!r}")


if __name__ == "__main__":
    asyncio.run(main())
