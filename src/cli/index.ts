console.log('headway cli');
