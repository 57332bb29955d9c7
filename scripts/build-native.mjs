// Builds native code (the kernel executor arrives with the kernel-engine issue).
