"""Reads a calendar file with icalendar (a parser the project did not write) and prints JSON:
the calendar's method and each event's UID, sequence, status, dates, text, people and alarms."""
import json
import sys
from datetime import date, datetime, timezone

from icalendar import Calendar


def iso(value):
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def address(value):
    return str(value).removeprefix("mailto:").removeprefix("MAILTO:")


def main(path):
    with open(path, "rb") as f:
        cal = Calendar.from_ical(f.read())
    events = []
    for ev in cal.walk("VEVENT"):
        attendees = ev.get("ATTENDEE", [])
        if not isinstance(attendees, list):
            attendees = [attendees]
        events.append(
            {
                "uid": str(ev.get("UID")),
                "sequence": int(ev.get("SEQUENCE", 0)),
                "status": str(ev.get("STATUS")) if ev.get("STATUS") else None,
                "summary": str(ev.get("SUMMARY")),
                "description": str(ev.get("DESCRIPTION", "")),
                "url": str(ev.get("URL")) if ev.get("URL") else None,
                "start": iso(ev.decoded("DTSTART")),
                "end": iso(ev.decoded("DTEND")),
                "allDay": not isinstance(ev.decoded("DTSTART"), datetime),
                "organizer": address(ev.get("ORGANIZER")) if ev.get("ORGANIZER") else None,
                "attendees": [address(a) for a in attendees],
                "attendeeNames": [a.params.get("CN") for a in attendees],
                "alarms": [iso(a.decoded("TRIGGER")) for a in ev.walk("VALARM")],
            }
        )
    print(json.dumps({"method": str(cal.get("METHOD")), "events": events}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
