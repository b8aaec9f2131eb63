#!/usr/bin/env bash
# Rebuilds examples/blink.{elf,bin,hex} from blink.S. Needs GNU binutils for ARM only
# (Debian: apt-get install binutils-arm-none-eabi). CI never runs this: the outputs are committed.
set -euo pipefail
cd "$(dirname "$0")"
out=..
arm-none-eabi-as -mcpu=cortex-m3 -mthumb -o /tmp/blink.o blink.S
arm-none-eabi-ld -T blink.ld --build-id=none -o "$out/blink.elf" /tmp/blink.o
arm-none-eabi-objcopy -O binary "$out/blink.elf" "$out/blink.bin"
arm-none-eabi-objcopy -O ihex "$out/blink.elf" "$out/blink.hex"
arm-none-eabi-strip --strip-debug "$out/blink.elf"
rm -f /tmp/blink.o
ls -l "$out"/blink.*
