"""What the kiosk knows about its own health: faults and the technician's figures. No Qt."""
