import { describeWriteBodyFuzz } from '../support/route-fuzz';

// Every fourth write route, from the fourth: the four files run side by side.
describeWriteBodyFuzz(4, 4);
